/**
 * Coverage of a mentoring or work-visit programme as a server-rendered SVG bar chart: computed
 * (from recorded visits) beside reported figures, for days, libraries and bookmobiles. The SVG
 * is hidden from screen readers (aria-hidden); the same numbers follow as a visible table.
 */
import { useT } from '../lib/use-app';

export interface CoverageFigures {
  days: number | null;
  libraries: number | null;
  bookmobiles: number | null;
}

const METRICS = ['days', 'libraries', 'bookmobiles'] as const;

export function CoverageChart(props: {
  name: string;
  computed: CoverageFigures;
  reported: CoverageFigures | null;
}) {
  const { t } = useT();
  const label = {
    days: t('mentoring.days'),
    libraries: t('mentoring.libraries'),
    bookmobiles: t('mentoring.bookmobiles'),
  };
  const max = Math.max(
    1,
    ...METRICS.flatMap((m) => [props.computed[m] ?? 0, props.reported?.[m] ?? 0]),
  );
  // Drawn about as wide as a phone's column (360 units), so that on a 390 px screen the
  // 15-unit labels render at 13–15 px; on wider screens the chart stops at 24rem (styles.css), about text size.
  const width = 360;
  const labelWidth = 118;
  const barArea = width - labelWidth - 44;
  const rowHeight = 56;
  const legendTop = METRICS.length * rowHeight + 16;
  const height = legendTop + 48;
  const bar = (value: number | null) => ((value ?? 0) / max) * barArea;
  return (
    <figure className="chart">
      <figcaption>{t('mentoring.chartTitle', { name: props.name })}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="presentation"
        aria-hidden="true"
        focusable="false"
      >
        {METRICS.map((metric, i) => {
          const y = i * rowHeight + 8;
          const computed = props.computed[metric];
          const reported = props.reported?.[metric] ?? null;
          return (
            <g key={metric}>
              <text x={0} y={y + 20} className="chart-label">
                {label[metric]}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={bar(computed)}
                height={18}
                className="bar-computed"
              />
              <text x={labelWidth + bar(computed) + 6} y={y + 18} className="chart-value">
                {computed ?? '–'}
              </text>
              <rect
                x={labelWidth}
                y={y + 26}
                width={bar(reported)}
                height={18}
                className="bar-reported"
              />
              <text x={labelWidth + bar(reported) + 6} y={y + 40} className="chart-value">
                {reported ?? '–'}
              </text>
            </g>
          );
        })}
        {/* The legend: one line per series, so that a long label never runs off the side. */}
        <g transform={`translate(0, ${legendTop})`}>
          <rect width={14} height={10} y={-10} className="bar-computed" />
          <text x={20} className="chart-legend">
            {t('mentoring.computed')}
          </text>
          <rect width={14} height={10} y={14} className="bar-reported" />
          <text x={20} y={24} className="chart-legend">
            {t('mentoring.reported')}
          </text>
        </g>
      </svg>
      <div
        className="figures table-wrap"
        role="region"
        tabIndex={0}
        aria-label={t('mentoring.figures')}
      >
        <table>
          <caption>{t('mentoring.figures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mentoring.coverage')}</th>
              <th scope="col">{t('mentoring.computed')}</th>
              <th scope="col">{t('mentoring.reported')}</th>
            </tr>
          </thead>
          <tbody>
            {METRICS.map((metric) => (
              <tr key={metric}>
                <th scope="row">{label[metric]}</th>
                <td>{props.computed[metric] ?? t('mentoring.noFigure')}</td>
                <td>{props.reported?.[metric] ?? t('mentoring.noFigure')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
