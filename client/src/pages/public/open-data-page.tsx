import { useQuery } from '@apollo/client/react';
import { GradeChart } from '../../components/grade-chart';
import { Loading, Notice, ProblemBox, Section } from '../../components/ui';
import type { CountRow } from '../../graphql/figures';
import { PUBLIC_COUNTS, type PublicCell, type PublicUnitCounts } from '../../graphql/open-data';
import { problemOf } from '../../lib/errors';
import { Link, navigate } from '../../lib/router';
import { isInstitution, thaiDate, thaiDateTime, thaiNumber } from '../../lib/thai';
import './open-data.css';

const kindWords: Record<PublicUnitCounts['kind'], string> = {
  COUNTRY: 'ทั้งประเทศ',
  PROVINCE: 'จังหวัด',
  DISTRICT: 'อำเภอ',
  LAO: 'อปท.',
  SCHOOL: 'โรงเรียน',
  CDC: 'ศพด.',
};

/** A cell as published: the number in Thai style, or the mark of a hidden cell. */
function Cell({ cell }: { cell: PublicCell | null }) {
  if (!cell) return <td className="muted">–</td>;
  if (cell.suppressed)
    return <td title={cell.shown === '<5' ? '1 ถึง 4 คน' : 'ปกปิดเพิ่มเพื่อไม่ให้คำนวณย้อนกลับได้'}>{cell.shown}</td>;
  return <td>{thaiNumber(cell.value)}</td>;
}

/** The chart shows the grades whose boys and girls are both published; the table shows every grade. */
function chartRows(unit: PublicUnitCounts): CountRow[] {
  return unit.grades.flatMap((g) =>
    g.male &&
    g.female &&
    !g.male.suppressed &&
    !g.female.suppressed &&
    (g.male.value! > 0 || g.female.value! > 0)
      ? [
          { grade: g.grade, sex: 'MALE' as const, label: g.label, count: g.male.value! },
          { grade: g.grade, sex: 'FEMALE' as const, label: g.label, count: g.female.value! },
        ]
      : [],
  );
}

function hrefOf(code: string, roundId: string | null) {
  const q = new URLSearchParams();
  if (code !== 'TH') q.set('unit', code);
  if (roundId) q.set('round', roundId);
  const s = q.toString();
  return `/open-data${s ? `?${s}` : ''}`;
}

/**
 * The public page (no login): the confirmed figures of a closed round for the country and each
 * province (then its districts, LAOs and institutions), a chart and a table, and the downloads.
 * Everything comes from publicCounts; cells of 1–4 and their complements arrive hidden.
 */
export function OpenDataPage({ unitCode, roundId }: { unitCode: string | null; roundId: string | null }) {
  const { data, loading, error } = useQuery(PUBLIC_COUNTS, {
    variables: { orgUnitCode: unitCode, roundId },
    fetchPolicy: 'cache-first',
  });
  const pc = data?.publicCounts;
  const round = pc?.round.id ?? roundId;
  const download = (ext: 'csv' | 'json') => `/open-data/counts.${ext}${round ? `?roundId=${round}` : ''}`;
  return (
    <main className="page" id="main" tabIndex={-1}>
      <header className="public-head">
        <h1>ข้อมูลเปิด: จำนวนนักเรียนและเด็กเล็กที่ยืนยันแล้ว</h1>
        <p className="muted">
          สถานศึกษาและศูนย์พัฒนาเด็กเล็กสังกัดองค์กรปกครองส่วนท้องถิ่น ไม่มีชื่อ เลขประจำตัว หรือวันเกิดของผู้ใด{' '}
          <Link href="/login">เข้าสู่ระบบสำหรับหน่วยงาน</Link>
        </p>
      </header>
      {loading && !data ? <Loading /> : null}
      {error ? <ProblemBox problem={problemOf(error)} /> : null}
      {data && !pc ? <Notice>ยังไม่มีข้อมูลเผยแพร่ จะเผยแพร่เมื่อรอบการบันทึกข้อมูลรอบแรกปิดแล้ว</Notice> : null}
      {pc ? (
        <>
          <Section
            title={`${pc.unit.kind === 'COUNTRY' ? '' : `${kindWords[pc.unit.kind]} `}${pc.unit.name}`}
            actions={
              <div className="public-actions">
                <a className="button" href={download('csv')} download>
                  ดาวน์โหลด CSV
                </a>
                <a className="button" href={download('json')}>
                  JSON
                </a>
              </div>
            }
          >
            <p>
              การบันทึกข้อมูลครั้งที่ {pc.round.roundNo} ปีการศึกษา {pc.round.academicYear} (ข้อมูล ณ วันที่{' '}
              {thaiDate(pc.round.snapshotDate)}) · ยืนยันล่าสุด {thaiDateTime(pc.round.confirmedAt)} · ปิดรอบ{' '}
              {thaiDateTime(pc.round.closedAt)}
            </p>
            {pc.rounds.length > 1 ? (
              <label className="public-round">
                รอบ{' '}
                <select
                  value={pc.round.id}
                  onChange={(e) => navigate(hrefOf(pc.unit.code, e.target.value))}
                  aria-label="เลือกรอบ"
                >
                  {pc.rounds.map((r) => (
                    <option key={r.id} value={r.id}>
                      ครั้งที่ {r.roundNo}/{r.academicYear}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {pc.unit.parentCode ? (
              <p>
                <Link href={hrefOf(pc.unit.parentCode === 'TH' ? 'TH' : pc.unit.parentCode, roundId)}>
                  ← ระดับที่สูงกว่า
                </Link>
              </p>
            ) : null}
            <p className="public-total">
              รวม{' '}
              <strong>
                {pc.unit.total.suppressed ? pc.unit.total.shown : thaiNumber(pc.unit.total.value)}
              </strong>{' '}
              คน
              {pc.unit.male && pc.unit.female
                ? ` (ชาย ${pc.unit.male.suppressed ? pc.unit.male.shown : thaiNumber(pc.unit.male.value)} หญิง ${
                    pc.unit.female.suppressed ? pc.unit.female.shown : thaiNumber(pc.unit.female.value)
                  })`
                : null}
            </p>
            {pc.unit.male && chartRows(pc.unit).length ? (
              <GradeChart rows={chartRows(pc.unit)} caption={`จำนวนตามชั้นและเพศ: ${pc.unit.name}`} />
            ) : pc.unit.male ? (
              <p className="muted">ชั้นที่มีตัวเลขปกปิดไม่แสดงในแผนภูมิ ดูตัวเลขในตาราง</p>
            ) : null}
            <div className="table-wrap">
              <table className="counts">
                <caption>ทุกชั้น (ช่องที่ปกปิดแสดงเป็น &lt;5 หรือ x)</caption>
                <thead>
                  <tr>
                    <th scope="col">ชั้น</th>
                    <th scope="col">ชาย</th>
                    <th scope="col">หญิง</th>
                    <th scope="col">รวม</th>
                  </tr>
                </thead>
                <tbody>
                  {pc.unit.grades
                    .filter((g) => g.total.suppressed || g.total.value !== 0)
                    .map((g) => (
                      <tr key={g.grade}>
                        <th scope="row">{g.label}</th>
                        <Cell cell={g.male} />
                        <Cell cell={g.female} />
                        <Cell cell={g.total} />
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <p className="muted public-note">{pc.suppressionNote}</p>
          </Section>
          {pc.children.length ? (
            <Section title={`${kindWords[pc.children[0].kind]}ในสังกัด (${thaiNumber(pc.children.length)})`}>
              <div className="table-wrap">
                <table className="counts">
                  <thead>
                    <tr>
                      <th scope="col">{kindWords[pc.children[0].kind]}</th>
                      <th scope="col">ชาย</th>
                      <th scope="col">หญิง</th>
                      <th scope="col">รวม</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pc.children.map((c) => (
                      <tr key={c.code}>
                        <th scope="row">
                          {isInstitution(c.kind) ? (
                            c.name
                          ) : (
                            <Link href={hrefOf(c.code, roundId)}>{c.name}</Link>
                          )}
                        </th>
                        <Cell cell={c.male} />
                        <Cell cell={c.female} />
                        <Cell cell={c.total} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Section>
          ) : null}
        </>
      ) : null}
    </main>
  );
}
