import type { CountRow } from '../graphql/figures';
import { ALL_GRADES, gradeLabels, thaiNumber, type Grade } from '../lib/thai';

interface GradeTotals {
  grade: Grade;
  label: string;
  male: number;
  female: number;
}

/** Rows (grade × sex, only non-zero) as one line per grade, in the order of the forms. */
export function byGrade(rows: CountRow[]): GradeTotals[] {
  return ALL_GRADES.flatMap((grade) => {
    const of = rows.filter((r) => r.grade === grade);
    if (!of.length) return [];
    const sum = (sex: 'MALE' | 'FEMALE') => of.filter((r) => r.sex === sex).reduce((a, r) => a + r.count, 0);
    return [{ grade, label: of[0]?.label ?? gradeLabels[grade], male: sum('MALE'), female: sum('FEMALE') }];
  });
}

const ROW = 34;
const LABEL = 64;
const BAR = 13;
/** The longest bar, in % of the chart's width (room is left for its number). */
const LONGEST = 68;

/**
 * Counts by grade as horizontal bars (male above female), with the same numbers in a table beside
 * it: the picture is for the eye, the table is what a screen reader reads. Bars are sized in % of
 * the width and the text in pixels, so the labels stay readable on a phone.
 */
export function GradeChart({ rows, caption }: { rows: CountRow[]; caption: string }) {
  const grades = byGrade(rows);
  if (!grades.length) return <p className="muted">ไม่มีนักเรียนในข้อมูลนี้</p>;
  const max = Math.max(1, ...grades.flatMap((g) => [g.male, g.female]));
  const height = grades.length * ROW + 8;
  const pct = (n: number) => (n > 0 ? Math.max(0.5, (n / max) * LONGEST) : 0);
  return (
    <div className="chart-and-table">
      <figure className="grade-chart" aria-hidden="true">
        <div className="legend">
          <span className="swatch swatch-male" /> ชาย <span className="swatch swatch-female" /> หญิง
        </div>
        <svg width="100%" height={height} role="presentation" focusable="false">
          {grades.map((g, i) => {
            const y = 4 + i * ROW;
            return (
              <g key={g.grade}>
                <text
                  x={LABEL - 8}
                  y={y + ROW / 2}
                  textAnchor="end"
                  dominantBaseline="middle"
                  className="axis"
                >
                  {g.label}
                </text>
                <svg x={LABEL} y={y} overflow="visible">
                  <rect x="0" y="2" width={`${pct(g.male)}%`} height={BAR} className="bar-male" />
                  <text
                    x={`${pct(g.male)}%`}
                    dx="4"
                    y={2 + BAR / 2}
                    dominantBaseline="middle"
                    className="value"
                  >
                    {thaiNumber(g.male)}
                  </text>
                  <rect x="0" y={3 + BAR} width={`${pct(g.female)}%`} height={BAR} className="bar-female" />
                  <text
                    x={`${pct(g.female)}%`}
                    dx="4"
                    y={3 + BAR + BAR / 2}
                    dominantBaseline="middle"
                    className="value"
                  >
                    {thaiNumber(g.female)}
                  </text>
                </svg>
              </g>
            );
          })}
        </svg>
      </figure>
      <div className="table-wrap">
        <table className="counts">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">ชั้น</th>
              <th scope="col">ชาย</th>
              <th scope="col">หญิง</th>
              <th scope="col">รวม</th>
            </tr>
          </thead>
          <tbody>
            {grades.map((g) => (
              <tr key={g.grade}>
                <th scope="row">{g.label}</th>
                <td>{thaiNumber(g.male)}</td>
                <td>{thaiNumber(g.female)}</td>
                <td>{thaiNumber(g.male + g.female)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
