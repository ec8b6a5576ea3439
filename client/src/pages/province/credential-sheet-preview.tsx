import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Badge, Loading, Notice, ProblemBox, SelectField } from '../../components/ui';
import { CREDENTIAL_SHEET_PREVIEW } from '../../graphql/accounts';
import type { UnitRef } from '../../graphql/org-units';
import { problemOf } from '../../lib/errors';
import { kindLabels, thaiNumber } from '../../lib/thai';

const sheetHref = (code: string, query: string) => `/credentials/${encodeURIComponent(code)}.pdf?${query}`;

/**
 * Printing a credential sheet issues the initial passwords it prints, so it never happens by
 * surprise: the page names the units that will get a new password (those that have not logged in
 * yet), asks to confirm, and can print one unit's card alone.
 */
export function CredentialSheetPreview({ sheetUnits }: { sheetUnits: UnitRef[] }) {
  const [sheet, setSheet] = useState(sheetUnits[0]?.code ?? '');
  const [agreed, setAgreed] = useState(false);
  const [one, setOne] = useState<string | null>(null);
  const { data, loading, error } = useQuery(CREDENTIAL_SHEET_PREVIEW, {
    variables: { orgUnitCode: sheet },
    skip: !sheet,
    fetchPolicy: 'network-only',
  });
  const preview = data?.credentialSheetPreview;
  const reissued = preview?.units.filter((u) => u.willReissue) ?? [];
  return (
    <>
      {sheetUnits.length > 1 && (
        <SelectField
          label="ใบแจ้งของ"
          value={sheet}
          onChange={(e) => {
            setSheet(e.target.value);
            setAgreed(false);
            setOne(null);
          }}
          options={sheetUnits.map((u) => [u.code, `${u.name} (${kindLabels[u.kind]})`])}
        />
      )}
      {loading && !data && <Loading />}
      <ProblemBox problem={problemOf(error)} />
      {preview && (
        <>
          {reissued.length === 0 ? (
            <Notice kind="ok">ทุกหน่วยงานในใบแจ้งนี้เข้าสู่ระบบแล้ว การพิมพ์ทั้งใบจะไม่ออกรหัสผ่านใหม่ให้ผู้ใด</Notice>
          ) : (
            <div className="alert alert-warn" role="note">
              <p>
                <strong>การพิมพ์ใบแจ้งนี้จะออกรหัสผ่านเริ่มต้นใหม่ให้ {thaiNumber(preview.reissueCount)} หน่วยงาน</strong>{' '}
                (ที่ยังไม่ได้เข้าสู่ระบบครั้งแรก) รหัสผ่านเดิมของหน่วยงานเหล่านี้จะใช้ไม่ได้ หน่วยงานที่เข้าสู่ระบบแล้วไม่ถูกเปลี่ยน
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />{' '}
                ยืนยันออกรหัสผ่านใหม่ให้ {thaiNumber(preview.reissueCount)} หน่วยงานตามรายการ
              </label>
              <p>
                {agreed ? (
                  <a
                    className="button button-primary"
                    href={preview.printPath}
                    target="_blank"
                    rel="noreferrer"
                  >
                    พิมพ์ใบแจ้งบัญชีผู้ใช้งาน (PDF)
                  </a>
                ) : (
                  <button type="button" className="button button-primary" disabled>
                    พิมพ์ใบแจ้งบัญชีผู้ใช้งาน (PDF)
                  </button>
                )}
              </p>
            </div>
          )}
          <div className="table-wrap">
            <table className="stack" aria-label="หน่วยงานในใบแจ้งบัญชีผู้ใช้งาน">
              <thead>
                <tr>
                  <th scope="col">หน่วยงาน</th>
                  <th scope="col">สถานะบัญชี</th>
                  <th scope="col">พิมพ์ใบเดียว</th>
                </tr>
              </thead>
              <tbody>
                {preview.units.map((u) => (
                  <tr key={u.orgUnit.code}>
                    <th scope="row">
                      {u.orgUnit.name}
                      <small className="muted block">
                        {kindLabels[u.orgUnit.kind]} · {u.orgUnit.code}
                      </small>
                    </th>
                    <td data-label="สถานะบัญชี">
                      {u.willReissue ? (
                        <Badge tone="warn">จะได้รหัสผ่านใหม่</Badge>
                      ) : u.firstLoginDone ? (
                        <Badge tone="ok">เข้าสู่ระบบแล้ว</Badge>
                      ) : (
                        <Badge tone="muted">ยังไม่มีบัญชี</Badge>
                      )}
                    </td>
                    <td data-label="พิมพ์ใบเดียว">
                      {one === u.orgUnit.code ? (
                        <span className="actions">
                          <a
                            className="button button-small button-danger"
                            href={sheetHref(
                              preview.orgUnitCode,
                              `only=${encodeURIComponent(u.orgUnit.code)}&confirm=1`,
                            )}
                            target="_blank"
                            rel="noreferrer"
                          >
                            ยืนยันออกรหัสผ่านใหม่และพิมพ์
                          </a>
                          <button type="button" className="button button-small" onClick={() => setOne(null)}>
                            ยกเลิก
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setOne(u.orgUnit.code)}
                        >
                          พิมพ์ใบของหน่วยงานนี้<span className="sr-only"> {u.orgUnit.name}</span>
                        </button>
                      )}
                      {one === u.orgUnit.code && (
                        <small className="muted block">
                          {u.firstLoginDone
                            ? 'หน่วยงานนี้เข้าสู่ระบบแล้ว การพิมพ์จะออกรหัสผ่านใหม่ รหัสผ่านเดิมใช้ไม่ได้อีก'
                            : 'การพิมพ์จะออกรหัสผ่านเริ่มต้นใหม่ให้หน่วยงานนี้'}
                        </small>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
