/** A server-rendered bar chart: an SVG image with a text alternative, plus the same data as a hidden table. */
export function BarChart(props: { title: string; unit: string; data: { label: string; value: number }[] }) {
  const { data } = props;
  const width = 640;
  const height = 220;
  const top = 20;
  const bottom = 40;
  const left = 36;
  const plot = height - top - bottom;
  const max = Math.max(1, ...data.map((d) => d.value));
  const slot = (width - left) / Math.max(1, data.length);
  const bar = Math.max(4, slot * 0.6);
  const summary = `${props.title}: ${data.map((d) => `${d.label} ${d.value}`).join(", ")}.`;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        xmlns="http://www.w3.org/2000/svg"
      >
        <line x1={left} y1={top + plot} x2={width} y2={top + plot} stroke="#555" />
        <text x={left - 6} y={top + 4} text-anchor="end" font-size="11" fill="#333">
          {max}
        </text>
        <text x={left - 6} y={top + plot} text-anchor="end" font-size="11" fill="#333">
          0
        </text>
        {data.map((d, i) => {
          const h = (d.value / max) * plot;
          const x = left + i * slot + (slot - bar) / 2;
          return (
            <g>
              <rect x={x} y={top + plot - h} width={bar} height={h} fill="#1f5f8b" />
              {d.value > 0 ? (
                <text x={x + bar / 2} y={top + plot - h - 4} text-anchor="middle" font-size="11" fill="#222">
                  {d.value}
                </text>
              ) : null}
              <text x={x + bar / 2} y={top + plot + 16} text-anchor="middle" font-size="11" fill="#333">
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartData title={props.title} unit={props.unit} column="Month" data={data} />
    </figure>
  );
}

/** Horizontal bars for a funnel of named steps: long labels stay readable, each bar shows its share of the first. */
export function FunnelChart(props: {
  title: string;
  unit: string;
  data: { label: string; value: number }[];
}) {
  const { data } = props;
  const width = 640;
  const row = 26;
  const labelWidth = 300;
  const first = Math.max(1, data[0]?.value ?? 0, ...data.map((d) => d.value));
  const summary = `${props.title}: ${data.map((d) => `${d.label} ${d.value}`).join(", ")}.`;
  return (
    <figure class="chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${row * data.length + 4}`}
        width="100%"
        xmlns="http://www.w3.org/2000/svg"
      >
        {data.map((d, i) => {
          const w = ((width - labelWidth - 50) * d.value) / first;
          const y = i * row + 4;
          return (
            <g>
              <text x={labelWidth - 8} y={y + 15} text-anchor="end" font-size="12" fill="#222">
                {d.label.length > 44 ? `${d.label.slice(0, 43)}…` : d.label}
              </text>
              <rect x={labelWidth} y={y} width={Math.max(w, 1)} height={row - 8} fill="#1f5f8b" />
              <text x={labelWidth + Math.max(w, 1) + 6} y={y + 15} font-size="12" fill="#222">
                {d.value}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartData title={props.title} unit={props.unit} column="Step" data={data} />
    </figure>
  );
}

/** A chart's caption and its numbers as a table for screen readers. */
function ChartData(props: {
  title: string;
  unit: string;
  column: string;
  data: { label: string; value: number }[];
}) {
  return (
    <>
      <figcaption>{props.title}</figcaption>
      <table class="visually-hidden">
        <caption>{props.title}</caption>
        <thead>
          <tr>
            <th scope="col">{props.column}</th>
            <th scope="col">{props.unit}</th>
          </tr>
        </thead>
        <tbody>
          {props.data.map((d) => (
            <tr>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
