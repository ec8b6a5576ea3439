import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Field, Loading, Notice, ProblemBox, Section, SelectField } from '../../components/ui';
import {
  CDC_BASIC_DATA,
  RECORD_CDC_BASIC_DATA,
  type CdcBasicDataInput,
  type CdcBuildingType,
  type CdcLunchProvision,
} from '../../graphql/cdc-basic-data';
import { problemOf } from '../../lib/errors';
import { thaiDateTime } from '../../lib/thai';

const buildings: [CdcBuildingType, string][] = [
  ['OWN_BUILDING', 'อาคารของศูนย์พัฒนาเด็กเล็กเอง (อาคารเอกเทศ)'],
  ['IN_SCHOOL', 'ตั้งอยู่ในโรงเรียน'],
  ['IN_TEMPLE', 'ตั้งอยู่ในวัด'],
  ['OTHER', 'อื่น ๆ'],
];
const lunches: [CdcLunchProvision, string][] = [
  ['COOKS_ITSELF', 'ศูนย์พัฒนาเด็กเล็กประกอบอาหารเอง'],
  ['BUYS', 'จัดซื้อหรือจ้างเหมาประกอบอาหาร'],
  ['OTHER', 'อื่น ๆ'],
];
type Form = Record<keyof CdcBasicDataInput, string>;
const empty: Form = {
  buildingType: '',
  buildingTypeOther: '',
  capacity: '',
  caregivers: '',
  classrooms: '',
  teachers: '',
  lunchProvision: '',
  lunchProvisionOther: '',
  notes: '',
};

/** ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก: each save is a new version; the server checks every number. */
export function CdcBasicDataTab({
  cdcCode,
  canEdit: own,
  lockedReason,
}: {
  cdcCode: string;
  canEdit: boolean;
  /** Set when the basic data are confirmed for the round: shown, and the form is read-only. */
  lockedReason: string | null;
}) {
  const canEdit = own && !lockedReason;
  const { data, loading, error } = useQuery(CDC_BASIC_DATA, { variables: { cdcCode } });
  const [record, state] = useMutation(RECORD_CDC_BASIC_DATA, { refetchQueries: 'active' });
  const [f, setF] = useState<Form>(empty);
  const current = data?.cdcBasicData;
  useEffect(() => {
    if (!current) return;
    setF(
      Object.fromEntries(
        Object.keys(empty).map((k) => [k, String(current[k as keyof CdcBasicDataInput] ?? '')]),
      ) as Form,
    );
  }, [current]);
  const problem = problemOf(state.error);
  const fields = problem?.fields ?? {};
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input: CdcBasicDataInput = {
      buildingType: f.buildingType as CdcBuildingType,
      buildingTypeOther: f.buildingTypeOther.trim() || null,
      capacity: num(f.capacity),
      caregivers: num(f.caregivers),
      classrooms: num(f.classrooms),
      teachers: num(f.teachers),
      lunchProvision: f.lunchProvision as CdcLunchProvision,
      lunchProvisionOther: f.lunchProvisionOther.trim() || null,
      notes: f.notes.trim() || null,
    };
    await record({ variables: { cdcCode, input } }).catch(() => null);
  };
  return (
    <Section title="ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก">
      {loading && !data && <Loading />}
      {error && <ProblemBox problem={problemOf(error)} />}
      {current ? (
        <p className="muted">
          ฉบับที่ {current.version} บันทึกเมื่อ {thaiDateTime(current.recordedAt)}
        </p>
      ) : (
        data && <p className="muted">ยังไม่ได้บันทึก</p>
      )}
      {lockedReason && (
        <div className="alert alert-locked" role="status">
          <strong>ข้อมูลถูกล็อก (ยืนยันแล้ว)</strong>
          <p>{lockedReason}</p>
        </div>
      )}
      {!canEdit && current && (
        <dl className="deadlines">
          <dt>ลักษณะอาคาร</dt>
          <dd>
            {buildings.find(([v]) => v === current.buildingType)?.[1]}
            {current.buildingTypeOther ? ` (${current.buildingTypeOther})` : ''}
          </dd>
          <dt>จำนวนห้องเรียน</dt>
          <dd>{current.classrooms}</dd>
          <dt>จำนวนครู (ครูผู้ดูแลเด็ก)</dt>
          <dd>{current.teachers}</dd>
          <dt>จำนวนผู้ดูแลเด็ก</dt>
          <dd>{current.caregivers}</dd>
          <dt>จำนวนเด็กที่ศูนย์รับได้</dt>
          <dd>{current.capacity}</dd>
          <dt>วิธีจัดอาหารกลางวัน</dt>
          <dd>
            {lunches.find(([v]) => v === current.lunchProvision)?.[1]}
            {current.lunchProvisionOther ? ` (${current.lunchProvisionOther})` : ''}
          </dd>
          <dt>หมายเหตุ</dt>
          <dd>{current.notes ?? '–'}</dd>
        </dl>
      )}
      <ProblemBox problem={problem} />
      {state.data && !state.error && (
        <Notice kind="ok">บันทึกข้อมูลพื้นฐานแล้ว (ฉบับที่ {state.data.recordCdcBasicData.version})</Notice>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <fieldset className="grid-3">
            <legend className="sr-only">ข้อมูลพื้นฐาน</legend>
            <SelectField
              label="ลักษณะอาคาร"
              value={f.buildingType}
              onChange={set('buildingType')}
              options={buildings}
              placeholder="เลือก"
              error={fields.buildingType}
            />
            {f.buildingType === 'OTHER' && (
              <Field
                label="ระบุลักษณะอาคาร"
                value={f.buildingTypeOther}
                onChange={set('buildingTypeOther')}
                error={fields.buildingTypeOther}
              />
            )}
            <Field
              label="จำนวนห้องเรียน"
              inputMode="numeric"
              value={f.classrooms}
              onChange={set('classrooms')}
              error={fields.classrooms}
            />
            <Field
              label="จำนวนครู (ครูผู้ดูแลเด็ก)"
              inputMode="numeric"
              value={f.teachers}
              onChange={set('teachers')}
              error={fields.teachers}
            />
            <Field
              label="จำนวนผู้ดูแลเด็ก"
              inputMode="numeric"
              value={f.caregivers}
              onChange={set('caregivers')}
              error={fields.caregivers}
            />
            <Field
              label="จำนวนเด็กที่ศูนย์รับได้"
              inputMode="numeric"
              value={f.capacity}
              onChange={set('capacity')}
              error={fields.capacity}
            />
            <SelectField
              label="วิธีจัดอาหารกลางวัน"
              value={f.lunchProvision}
              onChange={set('lunchProvision')}
              options={lunches}
              placeholder="เลือก"
              error={fields.lunchProvision}
            />
            {f.lunchProvision === 'OTHER' && (
              <Field
                label="ระบุวิธีจัดอาหารกลางวัน"
                value={f.lunchProvisionOther}
                onChange={set('lunchProvisionOther')}
                error={fields.lunchProvisionOther}
              />
            )}
            <Field label="หมายเหตุ" value={f.notes} onChange={set('notes')} error={fields.notes} />
          </fieldset>
          <button type="submit" className="button button-primary" disabled={state.loading}>
            บันทึกข้อมูลพื้นฐาน
          </button>
        </form>
      )}
    </Section>
  );
}
