import { useMutation } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { ThaiDateInput } from '../../components/thai-date-input';
import { Field, Notice, ProblemBox, SelectField } from '../../components/ui';
import {
  CORRECT_PUPIL,
  ENROL_PUPIL,
  REQUEST_TRANSFER,
  type PupilInput,
  type PupilRow,
} from '../../graphql/pupils';
import { RECORD_TRANSFERRED_IN } from '../../graphql/pupil-life';
import { problemOf } from '../../lib/errors';
import { useFocusFirstInvalid } from '../../lib/focus';
import { bangkokToday } from '../../lib/pupil-life';
import {
  gradeLabels,
  pupilWord,
  SCHOOL_GRADES,
  sexLabels,
  type Grade,
  type OrgUnitKind,
  type Sex,
} from '../../lib/thai';

const PREFIXES = ['ด.ช.', 'ด.ญ.', 'เด็กชาย', 'เด็กหญิง', 'นาย', 'นางสาว'];

interface Props {
  institution: { code: string; kind: OrgUnitKind };
  /** Correct this pupil; enrol a new one when absent. */
  pupil?: PupilRow;
  onDone: (message: string) => void;
  onCancel?: () => void;
  /** ย้ายเข้า: a pupil joining during the year, with the date and (when known) the former institution. */
  transferIn?: boolean;
  /** Called as a new try starts: the page clears the success notice of the previous one. */
  onStart?: () => void;
}

const blank = (kind: OrgUnitKind): PupilInput => ({
  citizenId: '',
  prefix: '',
  firstName: '',
  lastName: '',
  sex: '' as Sex,
  birthDate: '',
  nationality: 'ไทย',
  grade: (kind === 'CDC' ? 'CDC' : '') as Grade,
  religion: '',
  queryNote: '',
});

/** Enrol or correct a pupil; every check is the server's, its Thai messages shown beside the fields. */
export function PupilForm({ institution, pupil, onDone, onCancel, onStart, transferIn = false }: Props) {
  const initial: PupilInput = pupil
    ? { ...pupil, religion: pupil.religion ?? '', queryNote: pupil.queryNote ?? '' }
    : blank(institution.kind);
  const [v, setV] = useState<PupilInput>(initial);
  const [enrol, enrolState] = useMutation(ENROL_PUPIL, { refetchQueries: 'active' });
  const [correct, correctState] = useMutation(CORRECT_PUPIL, { refetchQueries: 'active' });
  const [requestTransfer, transferState] = useMutation(REQUEST_TRANSFER, { refetchQueries: 'active' });
  const [recordIn, inState] = useMutation(RECORD_TRANSFERRED_IN, { refetchQueries: 'active' });
  const [joined, setJoined] = useState(bangkokToday());
  const [from, setFrom] = useState('');
  const [inNote, setInNote] = useState('');
  const state = pupil ? correctState : transferIn ? inState : enrolState;
  const problem = problemOf(transferState.error ?? state.error);
  const fields = problem?.fields ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state.error);
  const word = pupilWord(institution.kind);
  const set = (k: keyof PupilInput) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: e.target.value });

  const input = (): PupilInput => ({
    ...v,
    religion: v.religion?.trim() || null,
    queryNote: v.queryNote?.trim() || null,
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    transferState.reset();
    onStart?.();
    if (pupil) {
      const all = input();
      const patch = Object.fromEntries(
        Object.entries(all).filter(
          ([k, val]) =>
            val !== (initial as unknown as Record<string, unknown>)[k] &&
            !(val === null && (initial as unknown as Record<string, unknown>)[k] === ''),
        ),
      );
      const res = await correct({ variables: { pupilId: pupil.id, input: patch } }).catch(() => null);
      if (res?.data)
        onDone(`แก้ไขข้อมูล ${res.data.correctPupil.firstName} ${res.data.correctPupil.lastName} เรียบร้อยแล้ว`);
      return;
    }
    if (transferIn) {
      const moved = await recordIn({
        variables: {
          institutionCode: institution.code,
          input: input(),
          date: joined,
          fromInstitutionCode: from.trim() || null,
          note: inNote.trim() || null,
        },
      }).catch(() => null);
      if (moved?.data) {
        setV(blank(institution.kind));
        const p = moved.data.recordPupilTransferredIn;
        onDone(`บันทึก ${p.firstName} ${p.lastName} ย้ายเข้าเรียบร้อยแล้ว`);
      }
      return;
    }
    const res = await enrol({ variables: { institutionCode: institution.code, input: input() } }).catch(
      () => null,
    );
    if (res?.data) {
      setV(blank(institution.kind));
      onDone(`บันทึกข้อมูล ${res.data.enrolPupil.firstName} ${res.data.enrolPupil.lastName} เรียบร้อยแล้ว`);
    }
  };
  const askTransfer = async () => {
    const res = await requestTransfer({
      variables: { institutionCode: institution.code, input: input() },
    }).catch(() => null);
    if (res?.data) onDone(`ส่งคำขอย้าย ${v.firstName} ${v.lastName} เข้าแล้ว รอสถานศึกษาเดิมหรือ อปท. ต้นสังกัดตอบ`);
  };

  return (
    <form
      ref={formRef}
      className="pupil-form"
      onSubmit={submit}
      noValidate
      aria-label={pupil ? `แก้ไขข้อมูล${word}` : transferIn ? `รับ${word}ย้ายเข้า` : `เพิ่มข้อมูล${word}`}
    >
      <ProblemBox problem={problem} />
      {problem?.code === 'DUPLICATE_PUPIL' && !pupil && (
        <Notice kind="warn">
          หาก{word}คนนี้ย้ายมาเรียนที่นี่แล้ว ส่งคำขอย้ายให้สถานศึกษาเดิมได้{' '}
          <button type="button" className="button" onClick={askTransfer} disabled={transferState.loading}>
            ขอย้าย{word}คนนี้เข้า
          </button>
        </Notice>
      )}
      <div className="grid-3">
        <Field
          label="เลขประจำตัวประชาชน หรือรหัส G"
          hint="13 หลัก หรือรหัส G (G-Code)"
          name="citizenId"
          inputMode="text"
          autoComplete="off"
          value={v.citizenId}
          onChange={set('citizenId')}
          error={fields.citizenId}
          required
        />
        <Field
          label="คำนำหน้า"
          name="prefix"
          list="lec-prefixes"
          value={v.prefix}
          onChange={set('prefix')}
          error={fields.prefix}
          required
        />
        <datalist id="lec-prefixes">
          {PREFIXES.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <Field
          label="ชื่อ"
          name="firstName"
          value={v.firstName}
          onChange={set('firstName')}
          error={fields.firstName}
          required
        />
        <Field
          label="นามสกุล"
          name="lastName"
          value={v.lastName}
          onChange={set('lastName')}
          error={fields.lastName}
          required
        />
        <SelectField
          label="เพศ"
          name="sex"
          value={v.sex}
          onChange={set('sex')}
          error={fields.sex}
          placeholder="เลือกเพศ"
          options={Object.entries(sexLabels) as [string, string][]}
          required
        />
        <ThaiDateInput
          key={
            pupil?.id ??
            (enrolState.data?.enrolPupil.id || inState.data?.recordPupilTransferredIn.id || 'new')
          }
          legend="วันเกิด"
          name="birthDate"
          value={v.birthDate}
          onChange={(birthDate) => setV((cur) => ({ ...cur, birthDate }))}
          error={fields.birthDate}
        />
        <Field
          label="สัญชาติ"
          name="nationality"
          value={v.nationality}
          onChange={set('nationality')}
          error={fields.nationality}
          required
        />
        <Field
          label="ศาสนา"
          name="religion"
          value={v.religion ?? ''}
          onChange={set('religion')}
          error={fields.religion}
        />
        {institution.kind === 'CDC' ? (
          <p className="field">
            <span className="label">ระดับชั้น</span>
            เด็กเล็ก (แบ่งกลุ่มตามอายุจากวันเกิด)
          </p>
        ) : (
          <SelectField
            label="ระดับชั้น"
            name="grade"
            value={v.grade}
            onChange={set('grade')}
            error={fields.grade}
            placeholder="เลือกระดับชั้น"
            options={SCHOOL_GRADES.map((g) => [g, gradeLabels[g]])}
            required
          />
        )}
      </div>
      {transferIn && (
        <div className="grid-3">
          <ThaiDateInput
            legend="วันที่ย้ายเข้า"
            name="transferDate"
            value={joined}
            onChange={setJoined}
            error={fields.date}
          />
          <Field
            label="รหัสสถานศึกษาเดิม (ถ้าทราบ)"
            hint="เช่น รหัสโรงเรียนสังกัดอื่นที่ย้ายมา"
            name="fromInstitutionCode"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={fields.fromInstitutionCode}
          />
          <Field
            label="หมายเหตุการย้ายเข้า"
            name="transferNote"
            value={inNote}
            onChange={(e) => setInNote(e.target.value)}
            error={fields.note}
          />
        </div>
      )}
      <Field
        label="คำอธิบายเมื่อข้อมูลผิดปกติ (เช่น อายุมากกว่าเกณฑ์)"
        name="queryNote"
        value={v.queryNote ?? ''}
        onChange={set('queryNote')}
        error={fields.queryNote}
        hint="กรอกเมื่อระบบแจ้งว่าข้อมูลผิดปกติ"
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={state.loading}>
          {pupil ? 'บันทึกการแก้ไข' : transferIn ? `บันทึก${word}ย้ายเข้า` : `บันทึกข้อมูล${word}`}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            ยกเลิก
          </button>
        )}
      </div>
    </form>
  );
}
