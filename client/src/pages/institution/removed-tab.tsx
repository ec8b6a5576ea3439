import { useQuery } from '@apollo/client/react';
import { Loading, ProblemBox, Section } from '../../components/ui';
import { REMOVED_PUPILS } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import { gradeLabels, pupilWord, thaiDateTime, type OrgUnitKind } from '../../lib/thai';

/** ทะเบียนนักเรียนที่ไม่มีตัวตน, with its printable PDF. */
export function RemovedTab({ institutionCode, kind }: { institutionCode: string; kind: OrgUnitKind }) {
  const { data, loading, error } = useQuery(REMOVED_PUPILS, { variables: { institutionCode } });
  const word = pupilWord(kind);
  return (
    <Section
      title={`ทะเบียน${word}ที่ไม่มีตัวตน`}
      actions={
        <a className="button" href={`/reports/removal-register/${encodeURIComponent(institutionCode)}.pdf`}>
          พิมพ์ทะเบียน (PDF)
        </a>
      }
    >
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {data && data.removedPupils.length === 0 && <p className="muted">ยังไม่มีการนำข้อมูลออกจากระบบ</p>}
      {data && data.removedPupils.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">ชื่อ–นามสกุล</th>
                <th scope="col">เลขประจำตัวประชาชน</th>
                <th scope="col">ชั้น</th>
                <th scope="col">เหตุ</th>
                <th scope="col">ผู้ดำเนินการ / เมื่อ</th>
              </tr>
            </thead>
            <tbody>
              {data.removedPupils.map((r) => (
                <tr key={r.pupil.id}>
                  <th scope="row">
                    {r.pupil.prefix}
                    {r.pupil.firstName} {r.pupil.lastName}
                  </th>
                  <td className="mono" data-label="เลขประจำตัวประชาชน">
                    {r.pupil.citizenId}
                  </td>
                  <td data-label="ชั้น">{gradeLabels[r.pupil.grade]}</td>
                  <td data-label="เหตุ">
                    {r.reasonText}
                    {r.note && <small className="muted block">หมายเหตุ: {r.note}</small>}
                  </td>
                  <td data-label="ผู้ดำเนินการ">
                    {r.removedBy.profile
                      ? `${r.removedBy.profile.firstName} ${r.removedBy.profile.lastName}`
                      : r.removedBy.username}
                    <small className="muted block">{thaiDateTime(r.removedAt)}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
