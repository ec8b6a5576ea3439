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

const ROW = 30;
const LABEL = 64;
const WIDTH = 560;
const BAR = 11;

/**
 * Counts by grade as horizontal bars (male above female), with the same numbers in a table beside
 * it: the picture is for the eye, the table is what a screen reader reads.
 */
export function GradeChart({ rows, caption }: { rows: CountRow[]; caption: string }) {
  const grades = byGrade(rows);
  if (!grades.length) return <p className="muted">ไม่มีนักเรียนในข้อมูลนี้</p>;
  const max = Math.max(1, ...grades.flatMap((g) => [g.male, g.female]));
  const room = WIDTH - LABEL - 70;
  const height = grades.length * ROW + 8;
  return (
    <div className="chart-and-table">
      <figure className="grade-chart" aria-hidden="true">
        <div className="legend">
          <span className="swatch swatch-male" /> ชาย <span className="swatch swatch-female" /> หญิง
        </div>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="presentation" focusable="false">
          {grades.map((g, i) => {
            const y = 4 + i * ROW;
            const w = (n: number) => Math.max(n > 0 ? 2 : 0, (n / max) * room);
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
                <rect x={LABEL} y={y + 2} width={w(g.male)} height={BAR} className="bar-male" />
                <text
                  x={LABEL + w(g.male) + 4}
                  y={y + 2 + BAR / 2}
                  dominantBaseline="middle"
                  className="value"
                >
                  {thaiNumber(g.male)}
                </text>
                <rect x={LABEL} y={y + 3 + BAR} width={w(g.female)} height={BAR} className="bar-female" />
                <text
                  x={LABEL + w(g.female) + 4}
                  y={y + 3 + BAR + BAR / 2}
                  dominantBaseline="middle"
                  className="value"
                >
                  {thaiNumber(g.female)}
                </text>
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
