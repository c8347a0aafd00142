import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueMail } from "../src/app/mail/queue-mail.ts";
import { smtpMailer } from "../src/mail/mailer.ts";
import { eventually, startTestContext, type TestContext } from "./harness.ts";
import { signedUp } from "./http-client.ts";
import { startSmtpListener } from "./smtp-listener.ts";

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
beforeAll(async () => {
  smtp = await startSmtpListener();
  ctx = await startTestContext({ mailer: smtpMailer(smtp.url, "Cairn <no-reply@cairn.test>") });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const deliveredTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));

describe("mail through SMTP, as a job", () => {
  it("delivers the sign-up confirmation to a real SMTP server exactly once", async () => {
    await signedUp(ctx.app, { email: "smtp-user@example.org", name: "Sam" });
    const [mail] = await eventually(async () =>
      deliveredTo("smtp-user@example.org").length ? deliveredTo("smtp-user@example.org") : undefined,
    );
    expect(mail?.raw).toContain("Subject: Confirm your email address for Cairn");
    // Quoted-printable folds long lines with a trailing "=".
    expect(mail?.raw.replace(/=\r?\n/g, "")).toMatch(/verify-email\/[A-Za-z0-9_-]{20,}/);
    const entry = await eventually(async () => {
      const [row] = (await ctx.deps.uow((r) => r.outbox.list(50))).filter(
        (m) => m.to === "smtp-user@example.org",
      );
      return row?.deliveredAt ? row : undefined;
    });
    expect(entry.transport).toBe("smtp");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(deliveredTo("smtp-user@example.org")).toHaveLength(1);
  });

  it("never sends mail queued by a transaction that rolled back", async () => {
    await expect(
      ctx.deps.uow(async (r) => {
        await queueMail(r, "rolled-back", {
          to: "ghost@example.org",
          subject: "Should not exist",
          text: "x",
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await ctx.deps.uow((r) =>
      queueMail(r, "committed", { to: "real@example.org", subject: "Committed", text: "x" }),
    );
    await eventually(async () => (deliveredTo("real@example.org").length ? true : undefined));
    expect(deliveredTo("ghost@example.org")).toHaveLength(0);
  });

  it("retries a failed delivery with backoff until the server accepts it", async () => {
    smtp.failNext(1);
    await ctx.deps.uow((r) =>
      queueMail(r, "retry-me", { to: "retry@example.org", subject: "Retried", text: "x" }),
    );
    const delivered = await eventually(
      async () => (deliveredTo("retry@example.org").length ? deliveredTo("retry@example.org") : undefined),
      30_000,
    );
    expect(delivered).toHaveLength(1);
  }, 40_000);

  it("sends a message once even when the same job key is queued twice", async () => {
    await ctx.deps.uow((r) =>
      queueMail(r, "same-key", { to: "twice@example.org", subject: "Once", text: "x" }),
    );
    await ctx.deps.uow((r) =>
      queueMail(r, "same-key", { to: "twice@example.org", subject: "Once", text: "x" }),
    );
    await eventually(async () => (deliveredTo("twice@example.org").length ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(deliveredTo("twice@example.org")).toHaveLength(1);
  });
});
