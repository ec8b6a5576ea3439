import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Field, ProblemBox } from '../../components/ui';
import { REMOVE_PUPIL, type PupilRow } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import { nonExistenceReasons, pupilWord, type NonExistenceReason, type OrgUnitKind } from '../../lib/thai';

/** Removal as non-existent (not a delete): one of the three reasons, kept in the removal register. */
export function RemoveForm({
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
  const [reason, setReason] = useState<NonExistenceReason | ''>('');
  const [note, setNote] = useState('');
  const [remove, { loading, error }] = useMutation(REMOVE_PUPIL, { refetchQueries: 'active' });
  const name = `${pupil.prefix}${pupil.firstName} ${pupil.lastName}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason) return;
    const res = await remove({ variables: { pupilId: pupil.id, reason, note: note.trim() || null } }).catch(
      () => null,
    );
    if (res?.data) onDone(`นำข้อมูล ${name} ออกจากระบบ (ไม่มีตัวตน) แล้ว และบันทึกในทะเบียนนักเรียนที่ไม่มีตัวตน`);
  };
  return (
    <form onSubmit={submit} className="remove-form">
      <div className="alert alert-warn" role="note">
        <strong>ใช้เฉพาะกรณี{pupilWord(kind)}ไม่มีตัวตนจริง</strong>
        <p>
          การนำข้อมูลออก (ไม่มีตัวตน) คือ{pupilWord(kind)}มีชื่ออยู่ในระบบแต่ไม่ได้มาเรียนจริง ชื่อจะถูกบันทึกใน
          ทะเบียนนักเรียนที่ไม่มีตัวตน ซึ่ง อปท. และจังหวัดตรวจสอบ หาก{pupilWord(kind)}จบการศึกษา ย้ายออก หรือลาออก ให้ใช้ปุ่ม
          &ldquo;บันทึกออก&rdquo; แทน
        </p>
      </div>
      <ProblemBox problem={problemOf(error)} />
      <fieldset>
        <legend>เหตุที่นำข้อมูล {name} ออกจากระบบ (ไม่มีตัวตน)</legend>
        {(Object.entries(nonExistenceReasons) as [NonExistenceReason, string][]).map(([value, text]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`reason-${pupil.id}`}
              value={value}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {text}
          </label>
        ))}
      </fieldset>
      <Field label="หมายเหตุ" value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={!reason || loading}>
          นำข้อมูลออกจากระบบ
        </button>
        <button type="button" className="button" onClick={onCancel}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
