import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { render } from "./kit.tsx";

type Operation = {
  summary?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
};
export type OpenApiDocument = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
};

/** A readable page generated from the same OpenAPI document clients download, so the two never disagree. */
export function docsPage(c: Context<AppEnv>, document: OpenApiDocument) {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags?.[0] ?? "Other"))];
  return render(
    c,
    "API documentation",
    <section>
      <h1>{document.info.title}</h1>
      <p>{document.info.description}</p>
      <p>
        The machine-readable contract is at <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
        Authenticate with an organization API key: <code>Authorization: Bearer cairn_…</code>. Errors are{" "}
        <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code> and per-field{" "}
        <code>errors</code>.
      </p>
      {tags.map((tag) => (
        <section aria-labelledby={`tag-${tag}`}>
          <h2 id={`tag-${tag}`}>{tag}</h2>
          {operations
            .filter((o) => (o.operation.tags?.[0] ?? "Other") === tag)
            .map(({ path, method, operation }) => {
              const body = operation.requestBody?.content?.["application/json"]?.schema;
              return (
                <article class="docs-op">
                  <h3>
                    <span class="method">{method}</span> <code>{path}</code>
                  </h3>
                  <p>{operation.summary}</p>
                  {body ? (
                    <details>
                      <summary>Request body schema</summary>
                      <pre class="mail-body">{JSON.stringify(body, null, 2)}</pre>
                    </details>
                  ) : null}
                  <ul class="plain">
                    {Object.entries(operation.responses ?? {}).map(([status, response]) => (
                      <li>
                        <strong>{status}</strong> {response.description}
                      </li>
                    ))}
                  </ul>
                </article>
              );
            })}
        </section>
      ))}
    </section>,
  );
}
