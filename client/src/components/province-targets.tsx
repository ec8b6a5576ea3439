import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { PROVINCE_TARGETS, SET_PROVINCE_TARGETS } from '../graphql/levels';
import { CURRENT_ROUND } from '../graphql/rounds';
import { problemOf } from '../lib/errors';
import { useFocusFirstInvalid } from '../lib/focus';
import { thaiDate, thaiDateTime } from '../lib/thai';
import { ThaiDateInput } from './thai-date-input';
import { Field, Notice, ProblemBox, Section } from './ui';

/**
 * A province's own earlier targets for its LAOs and institutions, within the department's deadlines
 * (seed 000 §10.1): shown to everyone in the province, set by the province itself.
 */
export function ProvinceTargets({ provinceCode, canSet }: { provinceCode: string; canSet: boolean }) {
  const { data } = useQuery(PROVINCE_TARGETS, { variables: { provinceCode } });
  const round = useQuery(CURRENT_ROUND).data?.currentRound ?? null;
  const targets = data?.provinceTargets ?? null;
  const [editing, setEditing] = useState(false);
  if (!round) return null;
  return (
    <Section title="กำหนดเสร็จของจังหวัด">
      <p className="muted">
        จังหวัดกำหนดวันเสร็จของตนเองได้ก่อนกำหนดของกรม (สถานศึกษา {thaiDate(round.institutionDeadline)} · อปท.{' '}
        {thaiDate(round.laoDeadline)})
      </p>
      {targets ? (
        <dl className="deadlines">
          <dt>สถานศึกษายืนยันภายในวันที่</dt>
          <dd>{thaiDate(targets.institutionTarget)}</dd>
          <dt>อปท. ยืนยันภายในวันที่</dt>
          <dd>{thaiDate(targets.laoTarget)}</dd>
          {targets.note && (
            <>
              <dt>หมายเหตุ</dt>
              <dd>{targets.note}</dd>
            </>
          )}
          <dt>กำหนดเมื่อ</dt>
          <dd>{thaiDateTime(targets.setAt)}</dd>
        </dl>
      ) : (
        <p>จังหวัดยังไม่ได้กำหนดวันเสร็จของตนเอง ใช้กำหนดของกรม</p>
      )}
      {canSet &&
        (editing ? (
          <TargetsForm provinceCode={provinceCode} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            {targets ? 'เปลี่ยนกำหนดเสร็จของจังหวัด' : 'กำหนดวันเสร็จของจังหวัด'}
          </button>
        ))}
    </Section>
  );
}

function TargetsForm({ provinceCode, onDone }: { provinceCode: string; onDone: () => void }) {
  const [institutionTarget, setInstitution] = useState('');
  const [laoTarget, setLao] = useState('');
  const [note, setNote] = useState('');
  const [save, { loading, error, data }] = useMutation(SET_PROVINCE_TARGETS, { refetchQueries: 'active' });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, error);
  const problem = problemOf(error);
  const fields = problem?.fields ?? {};
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await save({
      variables: { provinceCode, input: { institutionTarget, laoTarget, note: note.trim() || null } },
    }).catch(() => null);
    if (res?.data) onDone();
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="กำหนดวันเสร็จของจังหวัด" className="grid-2">
      <ProblemBox problem={problem} />
      {data && <Notice kind="ok">บันทึกกำหนดเสร็จของจังหวัดแล้ว</Notice>}
      <ThaiDateInput
        legend="สถานศึกษายืนยันภายในวันที่"
        name="institutionTarget"
        value={institutionTarget}
        onChange={setInstitution}
        error={fields.institutionTarget}
      />
      <ThaiDateInput
        legend="อปท. ยืนยันภายในวันที่"
        name="laoTarget"
        value={laoTarget}
        onChange={setLao}
        error={fields.laoTarget}
      />
      <Field label="หมายเหตุ" value={note} onChange={(e) => setNote(e.target.value)} error={fields.note} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          บันทึกกำหนดเสร็จ
        </button>
        <button type="button" className="button" onClick={onDone}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
