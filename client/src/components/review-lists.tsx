import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { REVIEW_LISTS, type ReviewCountsView, type ReviewItemView, type ReviewKind } from '../graphql/levels';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { gradeLabels, thaiDateTime, thaiNumber } from '../lib/thai';
import { Badge, Loading, ProblemBox, Section } from './ui';

export const reviewLabels: Record<ReviewKind, string> = {
  QUERY_NOTE: 'รับไว้พร้อมคำอธิบายข้อมูลผิดปกติ',
  G_CODE: 'ใช้รหัส G (G-Code)',
  RECENT_REMOVAL: 'นำออกเพราะไม่มีตัวตนเมื่อไม่นานนี้',
  OVERDUE_TRANSFER: 'คำขอย้ายค้างตอบเกินกำหนด',
};

/** The four counts in one line (status tables, review panel). */
export function ReviewCounts({ c }: { c: ReviewCountsView | null | undefined }) {
  if (!c) return null;
  const parts: [string, number][] = [
    ['ผิดปกติ', c.queryNoteCount],
    ['รหัส G', c.gCodeCount],
    ['นำออก', c.recentRemovalCount],
    ['ย้ายค้าง', c.overdueTransferCount],
  ];
  const shown = parts.filter(([, n]) => n > 0);
  if (shown.length === 0) return null;
  return (
    <small className="block review-counts">
      ควรตรวจ: {shown.map(([label, n]) => `${label} ${thaiNumber(n)}`).join(' · ')}
    </small>
  );
}

/**
 * Before an LAO or a province confirms: pupils accepted with a query note, G-Code pupils (the list
 * seed 000 §5.3.3 asks for), recent removals and overdue transfer requests, per institution.
 */
export function ReviewLists({ orgUnitCode }: { orgUnitCode: string }) {
  const { data, loading, error } = useQuery(REVIEW_LISTS, { variables: { orgUnitCode } });
  const [open, setOpen] = useState<string | null>(null);
  const r = data?.reviewLists;
  return (
    <Section title="รายการที่ควรตรวจก่อนยืนยัน">
      {loading && !data && <Loading />}
      <ProblemBox problem={problemOf(error)} />
      {r && (
        <>
          <ul className="plain review-totals">
            <li>
              {reviewLabels.QUERY_NOTE}: <strong>{thaiNumber(r.queryNoteCount)}</strong> คน
            </li>
            <li>
              {reviewLabels.G_CODE}: <strong>{thaiNumber(r.gCodeCount)}</strong> คน
            </li>
            <li>
              {reviewLabels.RECENT_REMOVAL}: <strong>{thaiNumber(r.recentRemovalCount)}</strong> คน
            </li>
            <li>
              {reviewLabels.OVERDUE_TRANSFER}: <strong>{thaiNumber(r.overdueTransferCount)}</strong> รายการ
            </li>
          </ul>
          {r.institutions.length === 0 && <p className="muted">ไม่มีรายการที่ต้องตรวจ</p>}
          {r.institutions.map((i) => (
            <article key={i.orgUnit.code} className="review-institution" aria-label={i.orgUnit.name}>
              <h3>
                <Link href={`/units/${encodeURIComponent(i.orgUnit.code)}`}>{i.orgUnit.name}</Link>
              </h3>
              <ReviewCounts c={i} />
              <ItemList items={i.items} />
              {open === i.orgUnit.code ? (
                <AllItems orgUnitCode={orgUnitCode} institutionCode={i.orgUnit.code} />
              ) : (
                <button type="button" className="button button-small" onClick={() => setOpen(i.orgUnit.code)}>
                  ดูทุกรายการ<span className="sr-only"> {i.orgUnit.name}</span>
                </button>
              )}
            </article>
          ))}
        </>
      )}
    </Section>
  );
}

function AllItems({ orgUnitCode, institutionCode }: { orgUnitCode: string; institutionCode: string }) {
  const { data, loading } = useQuery(REVIEW_LISTS, { variables: { orgUnitCode, institutionCode } });
  if (loading && !data) return <Loading />;
  return <ItemList items={data?.reviewLists.institutions[0]?.items ?? []} />;
}

function ItemList({ items }: { items: ReviewItemView[] }) {
  if (items.length === 0) return null;
  return (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th scope="col">ชื่อ–นามสกุล</th>
            <th scope="col">ชั้น</th>
            <th scope="col">รายการ</th>
            <th scope="col">รายละเอียด</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={`${it.kind}-${it.pupilId}`}>
              <th scope="row">
                {it.name}
                <small className="muted block mono">{it.citizenId}</small>
              </th>
              <td data-label="ชั้น">{gradeLabels[it.grade]}</td>
              <td data-label="รายการ">
                <Badge tone={it.kind === 'G_CODE' ? 'muted' : 'warn'}>{reviewLabels[it.kind]}</Badge>
              </td>
              <td data-label="รายละเอียด">
                {it.note ?? '–'}
                {it.at && <small className="muted block">{thaiDateTime(it.at)}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
