import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CONFIRMATION_PROGRESS, type LevelProgressView, type ProgressLevel } from '../graphql/confirmations';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { datasetLabels, thaiDate, thaiNumber } from '../lib/thai';
import { roundTitle } from './confirm-panel';
import { Loading, ProblemBox, Section } from './ui';

const levelLabels: Record<ProgressLevel, string> = {
  PROVINCE: 'จังหวัด',
  LAO: 'องค์กรปกครองส่วนท้องถิ่น (อปท.)',
  INSTITUTION: 'สถานศึกษาและศูนย์พัฒนาเด็กเล็ก',
};

function daysText(daysLeft: number): string {
  if (daysLeft < 0) return `เลยกำหนด ${thaiNumber(-daysLeft)} วัน`;
  if (daysLeft === 0) return 'ครบกำหนดวันนี้';
  return `เหลือ ${thaiNumber(daysLeft)} วัน`;
}

/** A bar drawn in SVG: confirmed out of all, with the figures as text beside it for everyone. */
function Bar({ done, of }: { done: number; of: number }) {
  const width = of === 0 ? 0 : Math.round((done / of) * 100);
  return (
    <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      <rect width="100" height="10" rx="2" className="bar-bg" />
      <rect width={width} height="10" rx="2" className="bar-fg" />
    </svg>
  );
}

function LevelTable({ level, caption }: { level: LevelProgressView; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="progress stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">ฐานข้อมูล</th>
            <th scope="col">ยืนยันแล้ว</th>
            <th scope="col">ภายในวันที่</th>
            <th scope="col">ยังไม่ยืนยัน</th>
          </tr>
        </thead>
        <tbody>
          {level.datasets.map((d) => (
            <tr key={d.dataset}>
              <th scope="row">{datasetLabels[d.dataset]}</th>
              <td data-label="ยืนยันแล้ว">
                <Bar done={d.confirmed} of={d.units} />
                {thaiNumber(d.confirmed)} จาก {thaiNumber(d.units)} แห่ง
                {d.late > 0 && <span className="late"> · ล่าช้า {thaiNumber(d.late)} แห่ง</span>}
              </td>
              <td data-label="ภายในวันที่">
                {thaiDate(d.deadline)}
                <small className={`block ${d.daysLeft < 0 && d.confirmed < d.units ? 'late' : 'muted'}`}>
                  {daysText(d.daysLeft)}
                </small>
              </td>
              <td data-label="ยังไม่ยืนยัน">
                {d.notConfirmed.length === 0 ? (
                  <span className="muted">–</span>
                ) : (
                  <details>
                    <summary>{thaiNumber(d.units - d.confirmed)} แห่ง</summary>
                    <ul className="plain">
                      {d.notConfirmed.map((u) => (
                        <li key={u.code}>
                          <Link href={`/units/${u.code}`}>{u.name}</Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Who has and has not confirmed at every level below the unit, against each level's deadline. */
export function ProgressPanel({ orgUnitCode }: { orgUnitCode: string }) {
  const { data, loading, error } = useQuery(CONFIRMATION_PROGRESS, { variables: { orgUnitCode } });
  const p = data?.confirmationProgress;
  return (
    <Section
      title="ความคืบหน้าการยืนยันข้อมูล"
      actions={
        <a
          className="button button-small"
          href={`/exports/confirmation-status.xlsx?orgUnitCode=${encodeURIComponent(orgUnitCode)}`}
        >
          ดาวน์โหลดสถานะ (Excel)
        </a>
      }
    >
      {loading && !data && <Loading />}
      {error && <ProblemBox problem={problemOf(error)} />}
      {data && !p && <p className="muted">ยังไม่มีรอบการบันทึกข้อมูล</p>}
      {p && (
        <>
          <p className="muted">{roundTitle(p.round)}</p>
          {p.levels.map((l) => (
            <LevelTable key={l.level} level={l} caption={`ระดับ${levelLabels[l.level]}`} />
          ))}
        </>
      )}
    </Section>
  );
}

/** The department's view: every province's progress per dataset, LAO level and institution level. */
export function ProvinceProgressTable({ orgUnitCode }: { orgUnitCode: string }) {
  const { data } = useQuery(CONFIRMATION_PROGRESS, { variables: { orgUnitCode } });
  // Sorted by the province's name, or by the share confirmed in one column (lowest first: who lags).
  const [sort, setSort] = useState<{ by: string; desc: boolean }>({ by: 'name', desc: false });
  const unsorted = data?.confirmationProgress?.byProvince ?? [];
  if (unsorted.length === 0) return null;
  const datasets = unsorted[0].levels[0]?.datasets.map((d) => d.dataset) ?? [];
  const cellOf = (levels: LevelProgressView[], level: ProgressLevel, dataset: string) =>
    levels.find((l) => l.level === level)?.datasets.find((x) => x.dataset === dataset);
  const cell = (levels: LevelProgressView[], level: ProgressLevel, dataset: string) => {
    const d = cellOf(levels, level, dataset);
    return d && d.units > 0 ? `${thaiNumber(d.confirmed)}/${thaiNumber(d.units)}` : '–';
  };
  const share = (levels: LevelProgressView[], by: string) => {
    const [dataset, level] = by.split('|');
    const d = cellOf(levels, level as ProgressLevel, dataset);
    return d && d.units > 0 ? d.confirmed / d.units : 2;
  };
  const rows = [...unsorted].sort((a, b) => {
    const order =
      sort.by === 'name'
        ? a.orgUnit.name.localeCompare(b.orgUnit.name, 'th')
        : share(a.levels, sort.by) - share(b.levels, sort.by) ||
          a.orgUnit.name.localeCompare(b.orgUnit.name, 'th');
    return sort.desc ? -order : order;
  });
  const head = (by: string, label: string, describe: string) => (
    <button
      type="button"
      className="sort-button"
      aria-label={`เรียงตาม${describe}`}
      onClick={() => setSort({ by, desc: sort.by === by ? !sort.desc : false })}
    >
      {label}
      <span aria-hidden="true">{sort.by === by ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
    </button>
  );
  const ariaSort = (by: string) =>
    sort.by === by ? (sort.desc ? ('descending' as const) : ('ascending' as const)) : undefined;
  return (
    <Section title="ความคืบหน้ารายจังหวัด">
      <p className="muted">
        ตัวเลข: ยืนยันแล้ว/ทั้งหมด ของ อปท. และของสถานศึกษา ในแต่ละจังหวัด · กดหัวตารางเพื่อเรียง (สัดส่วนที่ยืนยันน้อยก่อน)
      </p>
      <div className="table-wrap">
        <table className="progress-provinces">
          <thead>
            <tr>
              <th scope="col" rowSpan={2} aria-sort={ariaSort('name')}>
                {head('name', 'จังหวัด', 'ชื่อจังหวัด')}
              </th>
              {datasets.map((d) => (
                <th key={d} scope="colgroup" colSpan={2}>
                  {datasetLabels[d]}
                </th>
              ))}
            </tr>
            <tr>
              {datasets.map((d) => [
                <th key={`${d}-lao`} scope="col" aria-sort={ariaSort(`${d}|LAO`)}>
                  {head(`${d}|LAO`, 'อปท.', `สัดส่วน อปท. ที่ยืนยัน${datasetLabels[d]}`)}
                </th>,
                <th key={`${d}-inst`} scope="col" aria-sort={ariaSort(`${d}|INSTITUTION`)}>
                  {head(`${d}|INSTITUTION`, 'สถานศึกษา', `สัดส่วนสถานศึกษาที่ยืนยัน${datasetLabels[d]}`)}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.orgUnit.code}>
                <th scope="row">
                  <Link href={`/units/${r.orgUnit.code}`}>{r.orgUnit.name}</Link>
                </th>
                {datasets.map((d) => [
                  <td key={`${d}-lao`}>{cell(r.levels, 'LAO', d)}</td>,
                  <td key={`${d}-inst`}>{cell(r.levels, 'INSTITUTION', d)}</td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
