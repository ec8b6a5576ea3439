import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { ProblemBox, Section } from '../../components/ui';
import { ISSUE_CREDENTIALS, type UnitView } from '../../graphql/org-units';
import { problemOf } from '../../lib/errors';
import { kindLabels } from '../../lib/thai';
import { CredentialSheetPreview } from './credential-sheet-preview';

/**
 * Credential sheets: the printable PDF (which issues the initial passwords it prints) and the
 * re-issue of one unit's account (a forgotten password, a new responsible person).
 */
export function CredentialsTab({ unit }: { unit: UnitView }) {
  const [issue, { data, loading, error }] = useMutation(ISSUE_CREDENTIALS);
  const [asked, setAsked] = useState<string | null>(null);
  const sheetUnits = [unit, ...unit.children].filter((u) => u.kind === 'PROVINCE' || u.kind === 'LAO');
  const issued = data?.issueCredentials;
  return (
    <>
      <Section title="ใบแจ้งบัญชีผู้ใช้งาน (พิมพ์พร้อม QR code)">
        <CredentialSheetPreview sheetUnits={sheetUnits} />
      </Section>
      <Section title="ออกบัญชีผู้ใช้งานใหม่ให้หน่วยงาน">
        <p className="muted">
          ใช้เมื่อลืมรหัสผ่าน: รหัสผ่านเดิมใช้ไม่ได้อีก ผู้รับผิดชอบต้องกรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่เมื่อเข้าสู่ระบบ
        </p>
        <ProblemBox problem={problemOf(error)} />
        {issued && (
          <div className="alert alert-ok" role="status">
            <p>ออกบัญชีให้ {issued.orgUnit.name} แล้ว (แสดงครั้งเดียว กรุณาจดไว้)</p>
            <p>
              ชื่อผู้ใช้งาน <strong className="mono">{issued.username}</strong> · รหัสผ่านเริ่มต้น{' '}
              <strong className="mono">{issued.initialPassword}</strong>
            </p>
          </div>
        )}
        <ul className="plain">
          {unit.children
            .filter((c) => c.kind !== 'OTHER_SCHOOL')
            .map((c) => (
              <li key={c.code} className="row-line">
                <span>
                  {c.name}{' '}
                  <small className="muted">
                    ({kindLabels[c.kind]} · {c.code})
                  </small>
                </span>
                {asked === c.code ? (
                  <span className="actions">
                    <button
                      type="button"
                      className="button button-danger button-small"
                      disabled={loading}
                      onClick={() =>
                        issue({ variables: { orgUnitCode: c.code } }).then(
                          () => setAsked(null),
                          () => null,
                        )
                      }
                    >
                      ยืนยันออกรหัสผ่านใหม่
                    </button>
                    <button type="button" className="button button-small" onClick={() => setAsked(null)}>
                      ยกเลิก
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button button-small" onClick={() => setAsked(c.code)}>
                    ออกรหัสผ่านใหม่<span className="sr-only"> {c.name}</span>
                  </button>
                )}
              </li>
            ))}
        </ul>
      </Section>
    </>
  );
}
