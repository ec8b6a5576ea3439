import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { Field, Notice, ProblemBox, Section, SelectField } from '../../components/ui';
import { HOLD_BACK_PUPIL, PROMOTE_PUPILS } from '../../graphql/pupil-life';
import { PUPILS } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import { useFocusFirstInvalid } from '../../lib/focus';
import { bangkokToday, currentAcademicYear } from '../../lib/pupil-life';
import { gradeLabels, SCHOOL_GRADES, thaiNumber, type Grade } from '../../lib/thai';

/** From 1 March the next academic year's promotion may be done (after the second term ends). */
function defaultYear(): number {
  const [, m, d] = bangkokToday().split('-').map(Number);
  const current = currentAcademicYear();
  return m >= 3 && (m < 5 || (m === 5 && d < 16)) ? current + 1 : current;
}

/**
 * The yearly promotion (เลื่อนชั้น) of a school: preview first, then commit once for the year; then
 * mark the repeaters (เรียนซ้ำชั้น), whose promotion is undone one by one.
 */
export function PromotionTab({ institutionCode, canEdit }: { institutionCode: string; canEdit: boolean }) {
  const [year, setYear] = useState(String(defaultYear()));
  const [lastGrade, setLastGrade] = useState<Grade | ''>('');
  const [promote, state] = useMutation(PROMOTE_PUPILS);
  const [commit, committed] = useMutation(PROMOTE_PUPILS, { refetchQueries: 'active' });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state.error);
  const problem = problemOf(state.error ?? committed.error);
  const fields = problem?.fields ?? {};
  const preview = state.data?.promotePupils;
  const result = committed.data?.promotePupils;
  const variables = () => ({
    institutionCode,
    academicYear: Number(year),
    lastGrade: lastGrade || null,
  });

  const run = async (e: FormEvent) => {
    e.preventDefault();
    committed.reset();
    await promote({ variables: { ...variables(), dryRun: true } }).catch(() => null);
  };
  const shown = result ?? preview;
  return (
    <>
      <Section title="เลื่อนชั้นนักเรียน (ปีการศึกษาใหม่)">
        <p className="explain">
          ทำปีละครั้งเมื่อขึ้นปีการศึกษาใหม่: นักเรียนทุกคนเลื่อนขึ้นหนึ่งชั้น นักเรียนชั้นสุดท้ายที่เปิดสอนจบการศึกษา ระบบคำนวณให้ดูก่อน
          เมื่อบันทึกแล้วให้ระบุนักเรียนที่เรียนซ้ำชั้นด้านล่าง
        </p>
        {canEdit ? (
          <form ref={formRef} className="toolbar" onSubmit={run} noValidate aria-label="เลื่อนชั้นนักเรียน">
            <Field
              label="ปีการศึกษาใหม่ (พ.ศ.)"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value.replace(/\D/g, ''))}
              error={fields.academicYear}
            />
            <SelectField
              label="ชั้นสุดท้ายที่เปิดสอน"
              value={lastGrade}
              onChange={(e) => setLastGrade(e.target.value as Grade | '')}
              placeholder="ตามชั้นสูงสุดที่เคยมีนักเรียน"
              options={SCHOOL_GRADES.map((g) => [g, gradeLabels[g]])}
              error={fields.lastGrade}
            />
            <button type="submit" className="button" disabled={state.loading}>
              คำนวณการเลื่อนชั้น (ยังไม่บันทึก)
            </button>
          </form>
        ) : (
          <p className="muted">สถานศึกษาเป็นผู้เลื่อนชั้นนักเรียนของตนเอง</p>
        )}
        <ProblemBox problem={problem} />
        {shown && (
          <div className={result ? 'alert alert-ok' : 'alert alert-info'} role="status">
            <p>
              <strong>{result ? 'บันทึกการเลื่อนชั้นแล้ว' : 'ผลการคำนวณ (ยังไม่บันทึก)'}</strong> {shown.message}
            </p>
            <p>
              เลื่อนชั้น {thaiNumber(shown.promoted)} คน · จบการศึกษา {thaiNumber(shown.graduated)} คน
              {shown.skipped > 0 && <> · บันทึกในปีการศึกษาใหม่แล้ว ไม่เลื่อน {thaiNumber(shown.skipped)} คน</>}
            </p>
            {shown.moves.length > 0 && (
              <table className="counts">
                <caption>การเลื่อนชั้นรายชั้น</caption>
                <thead>
                  <tr>
                    <th scope="col">จากชั้น</th>
                    <th scope="col">ไปชั้น</th>
                    <th scope="col">จำนวน (คน)</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.moves.map((m) => (
                    <tr key={m.fromGrade}>
                      <th scope="row">{gradeLabels[m.fromGrade]}</th>
                      <td>{m.toGrade ? gradeLabels[m.toGrade] : 'จบการศึกษา'}</td>
                      <td>{thaiNumber(m.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {!result && !shown.alreadyDone && canEdit && (
              <div className="actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={committed.loading}
                  onClick={() => commit({ variables: { ...variables(), dryRun: false } }).catch(() => null)}
                >
                  บันทึกการเลื่อนชั้นตามนี้
                </button>
              </div>
            )}
          </div>
        )}
      </Section>
      {canEdit && <Repeaters institutionCode={institutionCode} />}
    </>
  );
}

/** After the promotion: find a pupil who repeats the grade and undo the promotion (or graduation). */
function Repeaters({ institutionCode }: { institutionCode: string }) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [note, setNote] = useState('');
  const { data } = useQuery(PUPILS, {
    variables: { institutionCode, search: search || null, first: 20 },
    skip: !search,
  });
  const [holdBack, held] = useMutation(HOLD_BACK_PUPIL, { refetchQueries: 'active' });
  return (
    <Section title="นักเรียนที่เรียนซ้ำชั้น">
      <p className="muted">
        ค้นหานักเรียนที่ไม่ผ่านเกณฑ์และต้องเรียนซ้ำชั้น แล้วกด &ldquo;เรียนซ้ำชั้น&rdquo; นักเรียนจะกลับไปอยู่ชั้นเดิม
        (ยกเลิกการเลื่อนชั้นหรือการจบการศึกษาของการเลื่อนชั้นครั้งล่าสุด)
      </p>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          held.reset();
          setSearch(typed.trim());
        }}
      >
        <Field
          label="ค้นหานักเรียน (ชื่อ นามสกุล หรือเลขประจำตัวประชาชน)"
          type="search"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <Field label="หมายเหตุ (ถ้ามี)" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="button">
          ค้นหา
        </button>
      </form>
      <ProblemBox problem={problemOf(held.error)} />
      {held.data && (
        <Notice kind="ok">
          บันทึก {held.data.holdBackPupil.firstName} {held.data.holdBackPupil.lastName} เรียนซ้ำชั้น{' '}
          {gradeLabels[held.data.holdBackPupil.grade]} แล้ว
        </Notice>
      )}
      {data && data.pupils.nodes.length === 0 && <p className="muted">ไม่พบนักเรียน</p>}
      <ul className="plain">
        {data?.pupils.nodes.map((p) => (
          <li key={p.id} className="row-line">
            <span>
              {p.prefix}
              {p.firstName} {p.lastName} <small className="muted">({gradeLabels[p.grade]})</small>
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={held.loading}
              onClick={() =>
                holdBack({ variables: { pupilId: p.id, note: note.trim() || null } }).catch(() => null)
              }
            >
              เรียนซ้ำชั้น
              <span className="sr-only">
                {' '}
                {p.firstName} {p.lastName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
