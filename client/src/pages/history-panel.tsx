import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Badge, Field, Loading, ProblemBox, Section } from '../components/ui';
import { UnitPicker } from '../components/unit-picker';
import { CONFIRMATION_HISTORY } from '../graphql/confirmations';
import { actorName } from '../lib/actor';
import { problemOf } from '../lib/errors';
import { datasetLabels, thaiDateTime, thaiNumber } from '../lib/thai';

/** Every confirmation and revocation of a unit in the current round, with who, when and why. */
export function HistoryPanel({ orgUnitCode, askCode = false }: { orgUnitCode: string; askCode?: boolean }) {
  const [code, setCode] = useState(orgUnitCode);
  const [typed, setTyped] = useState(orgUnitCode);
  const { data, loading, error } = useQuery(CONFIRMATION_HISTORY, { variables: { orgUnitCode: code } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCode(typed.trim());
  };
  return (
    <Section title="ประวัติการยืนยันข้อมูล">
      {askCode && (
        <UnitPicker
          rootCode={orgUnitCode}
          onPick={(picked) => {
            setTyped(picked);
            setCode(picked);
          }}
        />
      )}
      {askCode && (
        <form onSubmit={submit} className="toolbar">
          <Field label="รหัสหน่วยงาน" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="button">
            แสดงประวัติ
          </button>
        </form>
      )}
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {data && data.confirmationHistory.length === 0 && <p className="muted">ยังไม่มีการยืนยันหรือยกเลิกการยืนยัน</p>}
      {data && data.confirmationHistory.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">เมื่อ</th>
                <th scope="col">รายการ</th>
                <th scope="col">ฐานข้อมูล</th>
                <th scope="col">ผู้ดำเนินการ</th>
                <th scope="col">จำนวน / เหตุผล</th>
              </tr>
            </thead>
            <tbody>
              {data.confirmationHistory.map((c) => (
                <tr key={c.id}>
                  <td data-label="เมื่อ">{thaiDateTime(c.at)}</td>
                  <td>
                    {c.action === 'CONFIRMED' ? (
                      <Badge tone="ok">ยืนยันข้อมูล</Badge>
                    ) : (
                      <Badge tone="warn">ยกเลิกการยืนยัน</Badge>
                    )}
                    {c.late && <Badge tone="bad">เกินกำหนด</Badge>}
                  </td>
                  <td data-label="ฐานข้อมูล">{datasetLabels[c.dataset]}</td>
                  <td>
                    {actorName(c.by)}
                    <small className="muted block">{c.byOrgUnit?.name}</small>
                  </td>
                  <td>{c.action === 'CONFIRMED' ? `${thaiNumber(c.total)} คน` : c.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
