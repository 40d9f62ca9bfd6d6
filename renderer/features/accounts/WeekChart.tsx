import { useTranslation } from 'react-i18next';
import type { IsoDay } from '@shared/calendar/business-calendar';
import type { WeekSegment } from '@shared/calendar/week-view';

type Props = {
  segments: WeekSegment[];
  now: { day: IsoDay; minute: number };
  /** A second set drawn thinly beneath, e.g. the TAM's own working hours. */
  overlay?: WeekSegment[];
  title: string;
};

const DAYS: IsoDay[] = [1, 2, 3, 4, 5, 6, 7];
const LEFT = 44;
const WIDTH = 640;
const ROW = 26;
const TOP = 22;
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Business hours as a week chart: one row a day, 0-24 h across, a bar per
 * window, a line at "now". A text list of the same windows serves screen
 * readers.
 */
export function WeekChart({ segments, now, overlay = [], title }: Props) {
  const { t } = useTranslation('accounts');
  const x = (minute: number) => LEFT + ((WIDTH - LEFT - 8) * minute) / 1440;
  const height = TOP + ROW * 7 + 4;
  return (
    <figure style={{ margin: 0 }}>
      <svg className="week-chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title}>
        {[0, 6, 12, 18, 24].map((h) => (
          <g key={h}>
            <line x1={x(h * 60)} x2={x(h * 60)} y1={TOP - 4} y2={height - 4} stroke="var(--chart-grid)" />
            <text x={x(h * 60)} y={12} textAnchor={h === 0 ? 'start' : h === 24 ? 'end' : 'middle'}>{`${String(h).padStart(2, '0')}:00`}</text>
          </g>
        ))}
        {DAYS.map((day, i) => (
          <g key={day} transform={`translate(0 ${TOP + i * ROW})`}>
            <text x={0} y={ROW / 2 + 4}>{t(`dayShort.${day}`)}</text>
            <rect x={x(0)} y={4} width={x(1440) - x(0)} height={ROW - 8} rx={3} fill="var(--chart-track)" />
            {overlay.filter((s) => s.day === day).map((s, k) => (
              <rect key={`o${k}`} x={x(s.startMinute)} y={ROW - 7} width={Math.max(1, x(s.endMinute) - x(s.startMinute))} height={3} fill="var(--text-faint)" />
            ))}
            {segments.filter((s) => s.day === day).map((s, k) => (
              <rect key={k} x={x(s.startMinute)} y={5} width={Math.max(1, x(s.endMinute) - x(s.startMinute))} height={ROW - 14} rx={3} fill="var(--chart-open)">
                <title>{`${hm(s.startMinute)}–${hm(s.endMinute)}`}</title>
              </rect>
            ))}
          </g>
        ))}
        <line x1={x(now.minute)} x2={x(now.minute)} y1={TOP + (now.day - 1) * ROW + 1} y2={TOP + now.day * ROW - 1} stroke="var(--chart-now)" strokeWidth={2} />
      </svg>
      <figcaption className="sr-only">
        <ul>
          {DAYS.map((day) => {
            const list = segments.filter((s) => s.day === day);
            return <li key={day}>{t(`day.${day}`)}: {list.length ? list.map((s) => `${hm(s.startMinute)}–${hm(s.endMinute)}`).join(', ') : t('hours.closed')}</li>;
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
