import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Loading, ProblemBox, Section } from '../../components/ui';
import { PUPILS_TRANSFERRED_IN, type TransferredInPage } from '../../graphql/pupil-life';
import { REMOVED_PUPILS, TRANSFER_REQUESTS } from '../../graphql/pupils';
import { problemOf, type Problem } from '../../lib/errors';
import { currentAcademicYear } from '../../lib/pupil-life';
import { Link } from '../../lib/router';
import { gradeLabels, pupilWord, thaiDate, thaiNumber, type Grade, type OrgUnitKind } from '../../lib/thai';

interface Joined {
  id: string;
  name: string;
  grade: Grade;
  on: string;
  from: string | null;
}

/** Every current pupil who transferred in since the academic year began (read page by page). */
function useTransferredIn(institutionCode: string, since: string) {
  const client = useApolloClient();
  const [rows, setRows] = useState<Joined[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const found: Joined[] = [];
      let after: string | null = null;
      for (;;) {
        const res: { data?: { pupils: TransferredInPage } } = await client.query({
          query: PUPILS_TRANSFERRED_IN,
          variables: { institutionCode, after },
          fetchPolicy: 'network-only',
        });
        const page: TransferredInPage | undefined = res.data?.pupils;
        if (!page) break;
        for (const p of page.nodes)
          if (p.transferredInOn && p.transferredInOn >= since)
            found.push({
              id: p.id,
              name: `${p.prefix}${p.firstName} ${p.lastName}`,
              grade: p.grade,
              on: p.transferredInOn,
              from: p.transferredInFromCode,
            });
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      if (live) setRows(found.sort((a, b) => b.on.localeCompare(a.on)));
    })().catch((e: unknown) => live && setProblem(problemOf(e)));
    return () => {
      live = false;
    };
  }, [client, institutionCode, since]);
  return { rows, problem };
}

/**
 * The second-term check of the manual (seed 002, 5.3.1/5.3.2): who transferred in, who is absent or
 * does not exist, then confirm. One screen with the three steps and what each found.
 */
export function SecondTermCheck({ institutionCode, kind }: { institutionCode: string; kind: OrgUnitKind }) {
  const word = pupilWord(kind);
  const year = currentAcademicYear();
  const since = `${year - 543}-05-16`;
  const joined = useTransferredIn(institutionCode, since);
  const pending = useQuery(TRANSFER_REQUESTS, { variables: { institutionCode, direction: 'IN' } });
  const removed = useQuery(REMOVED_PUPILS, { variables: { institutionCode } });
  const open = pending.data?.transferRequests.filter((t) => t.status === 'OPEN') ?? [];
  const removedThisYear = removed.data?.removedPupils.filter((r) => r.removedAt.slice(0, 10) >= since) ?? [];
  return (
    <Section title={`ตรวจสอบ${word}ภาคเรียนที่ 2`}>
      <p className="explain">
        ก่อนยืนยันข้อมูลครั้งที่ 2 ให้ตรวจสอบว่ามี{word}ย้ายเข้า หรือมี{word}ที่ไม่มีตัวตน (ขาดเรียน ไม่มาเรียน ติดต่อไม่ได้) หากมี
        ให้เพิ่มข้อมูล หรือนำข้อมูลออกจากระบบแล้วแต่กรณี แล้วจึงยืนยันข้อมูล
      </p>
      <ol className="steps">
        <li>
          <h3>
            {word}ย้ายเข้า ตั้งแต่เริ่มปีการศึกษา {year}
          </h3>
          <ProblemBox problem={joined.problem} />
          {!joined.rows && !joined.problem && <Loading />}
          {joined.rows && joined.rows.length === 0 && <p className="muted">ยังไม่มี{word}ย้ายเข้า</p>}
          {joined.rows && joined.rows.length > 0 && (
            <div className="table-wrap">
              <table className="stack" aria-label={`${word}ย้ายเข้า`}>
                <thead>
                  <tr>
                    <th scope="col">ชื่อ–นามสกุล</th>
                    <th scope="col">ชั้น</th>
                    <th scope="col">วันที่ย้ายเข้า</th>
                    <th scope="col">จาก</th>
                  </tr>
                </thead>
                <tbody>
                  {joined.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{r.name}</th>
                      <td data-label="ชั้น">{gradeLabels[r.grade]}</td>
                      <td data-label="วันที่ย้ายเข้า">{thaiDate(r.on)}</td>
                      <td data-label="จาก">{r.from ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p>
            {open.length > 0 && <>คำขอย้ายเข้าที่ยังรอคำตอบ {thaiNumber(open.length)} รายการ · </>}
            <Link href="?tab=transfers">บันทึก{word}ย้ายเข้า</Link>
          </p>
        </li>
        <li>
          <h3>{word}ที่ไม่มาเรียนหรือไม่มีตัวตน</h3>
          <p>
            ตรวจรายชื่อใน <Link href="?tab=pupils">รายชื่อ{word}</Link> กับการมาเรียนจริง {word}ที่ออกตามปกติ (จบ ย้าย
            ลาออก) ให้กด &ldquo;บันทึกออก&rdquo; ส่วน{word}ที่ขาดเรียน ไม่มาเรียน และติดต่อไม่ได้ ให้กด &ldquo;นำออก
            (ไม่มีตัวตน)&rdquo;
          </p>
          <p>
            นำข้อมูลออก (ไม่มีตัวตน) ในปีการศึกษานี้แล้ว {thaiNumber(removedThisYear.length)} คน{' '}
            <Link href="?tab=removed">ดูทะเบียน</Link>
          </p>
        </li>
        <li>
          <h3>ยืนยันข้อมูล</h3>
          <p>
            เมื่อตรวจสอบครบแล้ว <Link href="?tab=confirm">ไปยืนยันข้อมูล</Link>
          </p>
        </li>
      </ol>
    </Section>
  );
}
