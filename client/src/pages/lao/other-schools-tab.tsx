import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Badge, Field, Loading, Notice, ProblemBox, Section, SelectField } from '../../components/ui';
import {
  OTHER_SCHOOLS,
  RECORD_OTHER_SCHOOL_COUNTS,
  type OtherSchoolStatus,
  type OtherSchoolView,
} from '../../graphql/other-schools';
import { problemOf } from '../../lib/errors';
import { gradeLabels, OTHER_SCHOOL_GRADES, thaiDateTime, thaiNumber } from '../../lib/thai';

const statuses: [OtherSchoolStatus, string][] = [
  ['OPEN', 'เปิดทำการเรียนการสอน'],
  ['CLOSED', 'ยุบสถานศึกษา'],
  ['MERGED', 'รวมสถานศึกษา'],
  ['DISSOLVED', 'เลิกสถานศึกษา'],
];

/** Schools of another affiliation the LAO funds: counts per grade and sex from the certified name list. */
export function OtherSchoolsTab({ laoCode, canEdit }: { laoCode: string; canEdit: boolean }) {
  const { data, loading, error } = useQuery(OTHER_SCHOOLS, { variables: { laoCode } });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Section title="สถานศึกษาสังกัดอื่นที่ อปท. อุดหนุน">
      <p className="muted">
        บันทึกจำนวนนักเรียนรายชั้น (อนุบาล 1 ถึง ป.6) ตามแบบรับรองรายชื่อนักเรียน สถานศึกษาที่ยุบ รวม หรือเลิก บันทึกเป็น 0 ทุกชั้น
      </p>
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {data && data.otherSchools.length === 0 && <p className="muted">ไม่มีสถานศึกษาสังกัดอื่นที่อุดหนุน</p>}
      <ul className="plain cards">
        {data?.otherSchools.map((s) => (
          <li key={s.school.code} className="other-school">
            <div className="card-head">
              <h3>
                {s.school.name} <small className="muted">({s.school.code})</small>
              </h3>
              {s.recorded ? (
                <Badge tone="ok">บันทึกแล้ว {thaiNumber(s.total)} คน</Badge>
              ) : (
                <Badge tone="warn">ยังไม่ได้บันทึก</Badge>
              )}
            </div>
            {s.status && s.status !== 'OPEN' && (
              <p>
                <strong>{statuses.find(([v]) => v === s.status)?.[1]}</strong>
                {s.note && ` · ${s.note}`}
              </p>
            )}
            {s.recordedAt && <p className="muted">บันทึกล่าสุด {thaiDateTime(s.recordedAt)}</p>}
            <div className="actions">
              <a
                className="button button-small"
                href={`/other-schools/${encodeURIComponent(s.school.code)}/name-list-form.xlsx`}
              >
                แบบรับรองรายชื่อ (Excel)
              </a>
              <a
                className="button button-small"
                href={`/other-schools/${encodeURIComponent(s.school.code)}/name-list-form.pdf`}
              >
                แบบรับรองรายชื่อ (PDF)
              </a>
              {canEdit && (
                <button
                  type="button"
                  className="button button-small"
                  aria-expanded={open === s.school.code}
                  onClick={() => setOpen(open === s.school.code ? null : s.school.code)}
                >
                  บันทึกจำนวนนักเรียน
                </button>
              )}
            </div>
            {open === s.school.code && <CountsForm school={s} onDone={() => setOpen(null)} />}
          </li>
        ))}
      </ul>
    </Section>
  );
}

type Cells = Record<string, { male: string; female: string }>;

function CountsForm({ school, onDone }: { school: OtherSchoolView; onDone: () => void }) {
  const initial: Cells = Object.fromEntries(
    OTHER_SCHOOL_GRADES.map((g) => {
      const c = school.counts?.find((x) => x.grade === g);
      return [g, { male: c ? String(c.male) : '', female: c ? String(c.female) : '' }];
    }),
  );
  const [cells, setCells] = useState<Cells>(initial);
  const [status, setStatus] = useState<OtherSchoolStatus>(school.status ?? 'OPEN');
  const [note, setNote] = useState(school.note ?? '');
  const [record, { loading, error }] = useMutation(RECORD_OTHER_SCHOOL_COUNTS, { refetchQueries: 'active' });
  const closed = status !== 'OPEN';
  const problem = problemOf(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const counts = OTHER_SCHOOL_GRADES.map((grade) => ({
      grade,
      male: closed ? 0 : Number(cells[grade].male === '' ? NaN : cells[grade].male),
      female: closed ? 0 : Number(cells[grade].female === '' ? NaN : cells[grade].female),
    }));
    const res = await record({
      variables: { schoolCode: school.school.code, counts, status, note: note.trim() || null },
    }).catch(() => null);
    if (res?.data) onDone();
  };
  const fields = problem?.fields ?? {};
  /** A cell's own Thai message: the server names it `counts[i].male` (or the whole row `counts[i]`). */
  const cellError = (i: number, sex: 'male' | 'female') =>
    fields[`counts[${i}].${sex}`] ?? fields[`counts[${i}]`];
  const cell = (g: string, sex: 'male' | 'female', i: number) => {
    const err = closed ? undefined : cellError(i, sex);
    const id = `cell-${school.school.code}-${g}-${sex}`;
    return (
      <>
        <input
          inputMode="numeric"
          aria-label={`${gradeLabels[g as keyof typeof gradeLabels]} ${sex === 'male' ? 'ชาย' : 'หญิง'}`}
          value={closed ? '0' : cells[g][sex]}
          disabled={closed}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-err` : undefined}
          onChange={(e) =>
            setCells({ ...cells, [g]: { ...cells[g], [sex]: e.target.value.replace(/\D/g, '') } })
          }
        />
        {err && (
          <small id={`${id}-err`} className="field-error block">
            {err}
          </small>
        )}
      </>
    );
  };
  const num = (v: string) => (closed || v === '' ? 0 : Number(v));
  const rowTotal = (g: string) => num(cells[g].male) + num(cells[g].female);
  const sum = (sex: 'male' | 'female') => OTHER_SCHOOL_GRADES.reduce((n, g) => n + num(cells[g][sex]), 0);
  return (
    <form onSubmit={submit} className="counts-form" noValidate>
      <ProblemBox problem={problem} />
      <SelectField
        label="สถานะของสถานศึกษา"
        value={status}
        onChange={(e) => setStatus(e.target.value as OtherSchoolStatus)}
        options={statuses}
      />
      {closed && <Notice>สถานศึกษาที่ยุบ รวม หรือเลิก บันทึกจำนวนนักเรียนเป็น 0 ทุกชั้น พร้อมหมายเหตุ</Notice>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">ชั้น</th>
              <th scope="col">ชาย</th>
              <th scope="col">หญิง</th>
              <th scope="col">รวม</th>
            </tr>
          </thead>
          <tbody>
            {OTHER_SCHOOL_GRADES.map((g, i) => (
              <tr key={g} className={fields[`counts[${i}]`] ? 'row-invalid' : undefined}>
                <th scope="row">{gradeLabels[g]}</th>
                <td>{cell(g, 'male', i)}</td>
                <td>{cell(g, 'female', i)}</td>
                <td className="num">{thaiNumber(rowTotal(g))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">รวมทุกชั้น</th>
              <td className="num">{thaiNumber(sum('male'))}</td>
              <td className="num">{thaiNumber(sum('female'))}</td>
              <td className="num">
                <strong>{thaiNumber(sum('male') + sum('female'))}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <Field
        label="หมายเหตุ (เช่น เลขที่ประกาศยุบ รวม หรือเลิกสถานศึกษา)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={problem?.fields.note}
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          บันทึกจำนวนนักเรียน
        </button>
        <button type="button" className="button" onClick={onDone}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
