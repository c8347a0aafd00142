import type { PathwayEvaluation } from "../../domain/pathways/evaluate.ts";
import type { RequirementNode } from "../../domain/pathways/requirements.ts";

const BOX_W = 220;
const BOX_H = 46;
const COLUMN_W = 250;
const ROW_H = 62;
const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const ruleText = (node: RequirementNode) =>
  node.kind === "all"
    ? "All of"
    : node.kind === "some"
      ? `${node.min} of ${node.children.length}`
      : node.kind === "credits"
        ? `${node.min} credits`
        : "";

type Placed = { node: RequirementNode; path: string; x: number; y: number };

/** Lays the tree out in columns: the root on top, its children side by side, each child's components below it. */
function layout(root: RequirementNode): {
  placed: Placed[];
  links: [Placed, Placed][];
  width: number;
  height: number;
} {
  const placed: Placed[] = [];
  const links: [Placed, Placed][] = [];
  const children = root.kind === "component" ? [root] : root.children;
  const width = Math.max(children.length, 1) * COLUMN_W;
  const top: Placed = { node: root, path: "requirements", x: width / 2 - BOX_W / 2, y: 10 };
  placed.push(top);
  let height = 10 + BOX_H;
  children.forEach((child, i) => {
    const x = i * COLUMN_W + (COLUMN_W - BOX_W) / 2;
    const group: Placed = { node: child, path: `requirements.children.${i}`, x, y: 10 + ROW_H + 20 };
    placed.push(group);
    links.push([top, group]);
    const leaves = child.kind === "component" ? [] : child.children;
    leaves.forEach((leaf, j) => {
      const item: Placed = {
        node: leaf,
        path: `${group.path}.children.${j}`,
        x,
        y: group.y + (j + 1) * ROW_H,
      };
      placed.push(item);
      links.push([group, item]);
      height = Math.max(height, item.y + BOX_H);
    });
    height = Math.max(height, group.y + BOX_H);
  });
  return { placed, links, width, height: height + 10 };
}

/** The pathway as a map: each requirement a box, green when it is met for this learner. */
export function PathwayMap(props: {
  requirements: RequirementNode;
  evaluation: PathwayEvaluation;
  title: string;
}) {
  const { placed, links, width, height } = layout(props.requirements);
  const met = (p: Placed) => props.evaluation.nodes[p.path]?.satisfied ?? false;
  return (
    <svg
      class="pathway-map"
      role="img"
      aria-labelledby="pathway-map-title"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="pathway-map-title">{props.title}</title>
      {links.map(([from, to]) => (
        <line
          x1={from.x + BOX_W / 2}
          y1={from.y + BOX_H}
          x2={to.x + BOX_W / 2}
          y2={to.y}
          stroke="#8a968f"
          stroke-width="2"
        />
      ))}
      {placed.map((p) => (
        <g>
          <rect
            x={p.x}
            y={p.y}
            width={BOX_W}
            height={BOX_H}
            rx="8"
            fill={met(p) ? "#e3f1e7" : "#ffffff"}
            stroke={met(p) ? "#1f6b3a" : "#8a968f"}
            stroke-width={met(p) ? "3" : "1.5"}
          />
          <text x={p.x + 10} y={p.y + 19} font-size="13" font-weight="700" fill="#1d2622">
            {met(p) ? "✓ " : ""}
            {short(p.node.kind === "component" ? p.node.label : (p.node.label ?? ruleText(p.node)))}
          </text>
          <text x={p.x + 10} y={p.y + 37} font-size="12" fill="#4d5a53">
            {p.node.kind === "component"
              ? p.node.credits !== undefined
                ? `${p.node.credits} credits`
                : "micro-credential"
              : ruleText(p.node)}
          </text>
        </g>
      ))}
    </svg>
  );
}
