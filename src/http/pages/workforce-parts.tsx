import type { GapCell } from "../../domain/workforce/gap.ts";

type Section = "gap" | "profiles" | "people" | "coverage";

/** The workforce area's own navigation, under the organization's tabs. */
export function WorkforceNav(props: { slug: string; current: Section }) {
  const base = `/orgs/${props.slug}/workforce`;
  const links: [Section, string, string][] = [
    ["gap", "Skills gap", base],
    ["profiles", "Role profiles", `${base}/profiles`],
    ["people", "Employees", `${base}/people`],
    ["coverage", "Coverage", `${base}/coverage`],
  ];
  return (
    <nav aria-label="Workforce" class="tabs">
      <ul>
        {links.map(([id, label, href]) => (
          <li>
            <a href={href} aria-current={id === props.current ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const level = (n: number | null) => (n ? ` (EQF ${n})` : "");

/** A matrix cell in words (never colour alone): met or below level with the credential named, or missing. */
export function GapCellView(props: { cell: (GapCell & { minLevel: number | null }) | undefined }) {
  const { cell } = props;
  if (!cell) return <span class="hint">Not required</span>;
  const needs = cell.minLevel ? <span class="hint"> needs EQF {cell.minLevel}+</span> : null;
  if (cell.status === "missing")
    return (
      <>
        <span class="tag tag-revoked">Missing</span>
        {needs}
      </>
    );
  return (
    <>
      <span class={cell.status === "met" ? "tag ok" : "tag warn"}>
        {cell.status === "met" ? "Met" : "Below level"}
      </span>{" "}
      {cell.credential}
      {level(cell.level)}
      {cell.status === "below" ? needs : null}
    </>
  );
}
