import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { ThaiDateInput } from '../../components/thai-date-input';
import { Field, ProblemBox } from '../../components/ui';
import { RECORD_PUPIL_LEFT, type LeaveReason } from '../../graphql/pupil-life';
import type { PupilRow } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import { useFocusFirstInvalid } from '../../lib/focus';
import { bangkokToday, leaveReasonLabels } from '../../lib/pupil-life';
import { pupilWord, type OrgUnitKind } from '../../lib/thai';

/**
 * The normal way a pupil leaves the register: graduated, transferred out or withdrew, with the date.
 * The pupil existed, so nothing goes into the removal register; the history stays.
 */
export function LeaveForm({
  pupil,
  kind,
  onDone,
  onCancel,
}: {
  pupil: PupilRow;
  kind: OrgUnitKind;
  onDone: (m: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState<LeaveReason | ''>('');
  const [date, setDate] = useState(bangkokToday());
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [leave, { loading, error }] = useMutation(RECORD_PUPIL_LEFT, { refetchQueries: 'active' });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error ?? (Object.keys(missing).length ? missing : null));
  const name = `${pupil.prefix}${pupil.firstName} ${pupil.lastName}`;
  const problem = problemOf(error);
  const fields = { ...(problem?.fields ?? {}), ...missing };
  const word = pupilWord(kind);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const lack: Record<string, string> = {};
    if (!reason) lack.reason = 'กรุณาเลือกเหตุที่ออก';
    if (!date) lack.date = 'กรุณาเลือกวันที่ออกให้ครบ (วันที่ เดือน และปี พ.ศ.)';
    setMissing(lack);
    if (!reason || !date) return;
    const res = await leave({
      variables: {
        pupilId: pupil.id,
        reason,
        date,
        note: note.trim() || null,
        toInstitutionCode: reason === 'TRANSFERRED_OUT' ? to.trim() || null : null,
      },
    }).catch(() => null);
    if (res?.data)
      onDone(`บันทึก ${name} ออก (${leaveReasonLabels(kind)[reason]}) เรียบร้อยแล้ว ประวัติของ${word}ยังเก็บไว้`);
  };
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      className="leave-form"
      aria-label={`บันทึก${word}ออก ${name}`}
      noValidate
    >
      <p className="explain">
        ใช้เมื่อ{word}
        <strong>มีตัวตนจริง</strong>และออกจากสถานศึกษาตามปกติ: จบการศึกษา ย้ายออก หรือลาออก
        ชื่อจะไม่อยู่ในทะเบียนปัจจุบันตั้งแต่วันที่ออก ประวัติยังเก็บไว้ และ<strong>ไม่</strong>ถูกบันทึกในทะเบียนนักเรียนที่ไม่มีตัวตน
      </p>
      <ProblemBox problem={problem} />
      <fieldset
        className={`field${fields.reason ? ' field-invalid' : ''}`}
        aria-describedby={fields.reason ? `leave-reason-err-${pupil.id}` : undefined}
      >
        <legend>เหตุที่ {name} ออก</legend>
        {(Object.entries(leaveReasonLabels(kind)) as [LeaveReason, string][]).map(([value, text]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`leave-${pupil.id}`}
              value={value}
              checked={reason === value}
              onChange={() => {
                setReason(value);
                setMissing(({ reason: _done, ...rest }) => rest);
              }}
              aria-invalid={fields.reason ? true : undefined}
            />
            {text}
          </label>
        ))}
        {fields.reason && (
          <small id={`leave-reason-err-${pupil.id}`} className="field-error">
            {fields.reason}
          </small>
        )}
      </fieldset>
      <ThaiDateInput legend="วันที่ออก" name="leftOn" value={date} onChange={setDate} error={fields.date} />
      {reason === 'TRANSFERRED_OUT' && (
        <Field
          label="รหัสสถานศึกษาที่ย้ายไป (ถ้าทราบ)"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={fields.toInstitutionCode}
        />
      )}
      <Field label="หมายเหตุ" value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          บันทึก{word}ออก
        </button>
        <button type="button" className="button" onClick={onCancel}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
