import { useQuery } from '@apollo/client/react';
import { CHANGES_SINCE_CONFIRMATION, type ChangedPupilView } from '../graphql/levels';
import { gradeLabels, thaiDateTime, thaiNumber, type Dataset } from '../lib/thai';

/**
 * "Changed since the last confirmation": pupils added, removed and corrected, and the counts by
 * grade then and now, so a unit confirming again sees what it is confirming anew.
 */
export function ChangesSince({ orgUnitCode, dataset }: { orgUnitCode: string; dataset: Dataset }) {
  const { data, error } = useQuery(CHANGES_SINCE_CONFIRMATION, {
    variables: { orgUnitCode, dataset },
    fetchPolicy: 'network-only',
  });
  const c = data?.changesSinceConfirmation;
  if (error || !c) return null;
  if (!c.confirmationId)
    return <p className="muted changes-since">ยังไม่เคยยืนยันข้อมูลนี้ จึงไม่มีรายการที่เปลี่ยนแปลงให้เทียบ</p>;
  const changedGrades = c.grades.filter(
    (g) => g.maleBefore !== g.maleAfter || g.femaleBefore !== g.femaleAfter,
  );
  const nothing = c.addedCount + c.removedCount + c.correctedCount === 0 && changedGrades.length === 0;
  return (
    <div className="changes-since" role="region" aria-label="เปลี่ยนแปลงตั้งแต่การยืนยันครั้งล่าสุด">
      <h5>เปลี่ยนแปลงตั้งแต่การยืนยันครั้งล่าสุด ({thaiDateTime(c.confirmedAt)})</h5>
      {nothing ? (
        <p>ไม่มีการเปลี่ยนแปลง รวม {thaiNumber(c.totalAfter)} คน เท่าเดิม</p>
      ) : (
        <>
          <p>
            รวม {thaiNumber(c.totalBefore)} → {thaiNumber(c.totalAfter)} คน · เพิ่ม {thaiNumber(c.addedCount)} ·
            ออก/นำออก {thaiNumber(c.removedCount)} · แก้ไข {thaiNumber(c.correctedCount)}
          </p>
          {changedGrades.length > 0 && (
            <div className="table-wrap">
              <table className="counts">
                <caption>จำนวนรายชั้นที่เปลี่ยน (ตอนยืนยัน → ตอนนี้)</caption>
                <thead>
                  <tr>
                    <th scope="col">ชั้น</th>
                    <th scope="col">ชาย</th>
                    <th scope="col">หญิง</th>
                  </tr>
                </thead>
                <tbody>
                  {changedGrades.map((g) => (
                    <tr key={g.grade}>
                      <th scope="row">{gradeLabels[g.grade]}</th>
                      <td>
                        {thaiNumber(g.maleBefore)} → {thaiNumber(g.maleAfter)}
                      </td>
                      <td>
                        {thaiNumber(g.femaleBefore)} → {thaiNumber(g.femaleAfter)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <PupilList title="เพิ่มเข้ามา" count={c.addedCount} rows={c.added} />
          <PupilList title="ออกหรือนำออก" count={c.removedCount} rows={c.removed} />
          <PupilList title="แก้ไขข้อมูล" count={c.correctedCount} rows={c.corrected} />
        </>
      )}
    </div>
  );
}

function PupilList({ title, count, rows }: { title: string; count: number; rows: ChangedPupilView[] }) {
  if (count === 0) return null;
  return (
    <details>
      <summary>
        {title} {thaiNumber(count)} คน
      </summary>
      <ul>
        {rows.map((r) => (
          <li key={r.pupilId}>
            {r.name} ({gradeLabels[r.grade]}){r.detail && <span className="muted"> · {r.detail}</span>}
          </li>
        ))}
        {count > rows.length && <li className="muted">และอีก {thaiNumber(count - rows.length)} คน</li>}
      </ul>
    </details>
  );
}
