import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ThaiDateInput } from '../../components/thai-date-input';
import { Badge, Field, Loading, Notice, ProblemBox, Section, SelectField } from '../../components/ui';
import {
  CHANGE_DEADLINES,
  CLOSE_ROUND,
  GRANT_EXTENSION,
  OPEN_ROUND,
  ROUNDS,
  type Deadlines,
  type RoundView,
} from '../../graphql/rounds';
import { problemOf } from '../../lib/errors';
import { thaiDate, thaiDateTime } from '../../lib/thai';

/** The department opens a round, moves its deadlines, grants extensions and closes it. */
export function RoundsTab() {
  const { data, loading, error } = useQuery(ROUNDS);
  const open = data?.rounds.find((r) => r.status === 'OPEN');
  return (
    <>
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {data && !open && <OpenRoundForm />}
      {open && <OpenRoundActions round={open} />}
      {data && (
        <Section title="รอบการบันทึกข้อมูลทั้งหมด">
          {data.rounds.length === 0 && <p className="muted">ยังไม่เคยเปิดรอบ</p>}
          <ul className="plain cards">
            {data.rounds.map((r) => (
              <li key={r.id}>
                <strong>
                  ครั้งที่ {r.roundNo} ประจำปีการศึกษา {r.academicYear}
                </strong>{' '}
                {r.status === 'OPEN' ? <Badge tone="ok">เปิดอยู่</Badge> : <Badge tone="muted">ปิดแล้ว</Badge>}
                <p className="muted">
                  ข้อมูล ณ วันที่ {thaiDate(r.snapshotDate)} · เปิดเมื่อ {thaiDateTime(r.openedAt)}
                  {r.closedAt && ` · ปิดเมื่อ ${thaiDateTime(r.closedAt)}`}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}

function DeadlineInputs({
  value,
  onChange,
  fields,
}: {
  value: Deadlines;
  onChange: (d: Deadlines) => void;
  fields: Record<string, string>;
}) {
  return (
    <div className="grid-3">
      <ThaiDateInput
        legend="สถานศึกษายืนยันภายในวันที่"
        value={value.institutionDeadline}
        onChange={(v) => onChange({ ...value, institutionDeadline: v })}
        error={fields.institutionDeadline}
      />
      <ThaiDateInput
        legend="อปท. ยืนยันภายในวันที่"
        value={value.laoDeadline}
        onChange={(v) => onChange({ ...value, laoDeadline: v })}
        error={fields.laoDeadline}
      />
      <ThaiDateInput
        legend="จังหวัดยืนยันภายในวันที่"
        value={value.provinceDeadline}
        onChange={(v) => onChange({ ...value, provinceDeadline: v })}
        error={fields.provinceDeadline}
      />
    </div>
  );
}

function OpenRoundForm() {
  const [academicYear, setYear] = useState('');
  const [roundNo, setRoundNo] = useState('1');
  const [snapshotDate, setSnapshot] = useState('');
  const [deadlines, setDeadlines] = useState<Deadlines>({
    institutionDeadline: '',
    laoDeadline: '',
    provinceDeadline: '',
  });
  const [openRound, { loading, error }] = useMutation(OPEN_ROUND, { refetchQueries: 'active' });
  const problem = problemOf(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await openRound({
      variables: {
        input: {
          academicYear: Number(academicYear),
          roundNo: Number(roundNo),
          snapshotDate: snapshotDate || null,
          ...deadlines,
        },
      },
    }).catch(() => null);
  };
  return (
    <Section title="เปิดรอบการบันทึกข้อมูล">
      <ProblemBox problem={problem} />
      <form onSubmit={submit} noValidate>
        <div className="grid-3">
          <Field
            label="ปีการศึกษา (พ.ศ.)"
            inputMode="numeric"
            value={academicYear}
            onChange={(e) => setYear(e.target.value)}
            error={problem?.fields.academicYear}
          />
          <SelectField
            label="ครั้งที่"
            value={roundNo}
            onChange={(e) => setRoundNo(e.target.value)}
            options={[
              ['1', 'ครั้งที่ 1 (มิถุนายน)'],
              ['2', 'ครั้งที่ 2 (พฤศจิกายน)'],
            ]}
            error={problem?.fields.roundNo}
          />
          <ThaiDateInput
            legend="ข้อมูล ณ วันที่ (ไม่ระบุ: 10 มิ.ย. / 10 พ.ย.)"
            value={snapshotDate}
            onChange={setSnapshot}
            error={problem?.fields.snapshotDate}
          />
        </div>
        <DeadlineInputs value={deadlines} onChange={setDeadlines} fields={problem?.fields ?? {}} />
        <button type="submit" className="button button-primary" disabled={loading}>
          เปิดรอบ
        </button>
      </form>
    </Section>
  );
}

function OpenRoundActions({ round }: { round: RoundView }) {
  const [deadlines, setDeadlines] = useState<Deadlines>({
    institutionDeadline: round.institutionDeadline,
    laoDeadline: round.laoDeadline,
    provinceDeadline: round.provinceDeadline,
  });
  const [ext, setExt] = useState({ orgUnitCode: '', until: '', reason: '' });
  const [closing, setClosing] = useState(false);
  const [change, changeState] = useMutation(CHANGE_DEADLINES, { refetchQueries: 'active' });
  const [grant, grantState] = useMutation(GRANT_EXTENSION, { refetchQueries: 'active' });
  const [close, closeState] = useMutation(CLOSE_ROUND, { refetchQueries: 'active' });
  const changeProblem = problemOf(changeState.error);
  const grantProblem = problemOf(grantState.error);
  return (
    <>
      <Section title={`รอบที่เปิดอยู่: ครั้งที่ ${round.roundNo} ประจำปีการศึกษา ${round.academicYear}`}>
        <p>ข้อมูล ณ วันที่ {thaiDate(round.snapshotDate)}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            change({ variables: { roundId: round.id, input: deadlines } }).catch(() => null);
          }}
          noValidate
        >
          <h3>กำหนดวันที่ยืนยันข้อมูล</h3>
          <ProblemBox problem={changeProblem} />
          {changeState.data && !changeState.error && <Notice kind="ok">บันทึกกำหนดวันที่ใหม่แล้ว</Notice>}
          <DeadlineInputs value={deadlines} onChange={setDeadlines} fields={changeProblem?.fields ?? {}} />
          <button type="submit" className="button" disabled={changeState.loading}>
            เลื่อนกำหนดวันที่
          </button>
        </form>
      </Section>
      <Section title="ขยายเวลาให้หน่วยงาน">
        {round.extensions.length > 0 && (
          <ul>
            {round.extensions.map((x) => (
              <li key={`${x.orgUnitCode}-${x.grantedAt}`}>
                {x.orgUnitCode}: ถึงวันที่ {thaiDate(x.until)} ({x.reason})
              </li>
            ))}
          </ul>
        )}
        <ProblemBox problem={grantProblem} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            grant({ variables: { roundId: round.id, ...ext } }).catch(() => null);
          }}
          noValidate
        >
          <div className="grid-3">
            <Field
              label="รหัสหน่วยงาน"
              value={ext.orgUnitCode}
              onChange={(e) => setExt({ ...ext, orgUnitCode: e.target.value })}
              error={grantProblem?.fields.orgUnitCode}
            />
            <ThaiDateInput
              legend="ขยายถึงวันที่"
              value={ext.until}
              onChange={(until) => setExt({ ...ext, until })}
              error={grantProblem?.fields.until}
            />
            <Field
              label="เหตุผล"
              value={ext.reason}
              onChange={(e) => setExt({ ...ext, reason: e.target.value })}
              error={grantProblem?.fields.reason}
            />
          </div>
          <button type="submit" className="button" disabled={grantState.loading}>
            ขยายเวลา
          </button>
        </form>
      </Section>
      <Section title="ปิดรอบ">
        <ProblemBox problem={problemOf(closeState.error)} />
        {closing ? (
          <div className="actions">
            <p className="locked">เมื่อปิดรอบแล้ว จะยืนยันหรือยกเลิกการยืนยันข้อมูลของรอบนี้ไม่ได้อีก</p>
            <button
              type="button"
              className="button button-danger"
              disabled={closeState.loading}
              onClick={() => close({ variables: { roundId: round.id } }).catch(() => null)}
            >
              ยืนยันปิดรอบ
            </button>
            <button type="button" className="button" onClick={() => setClosing(false)}>
              ยกเลิก
            </button>
          </div>
        ) : (
          <button type="button" className="button button-danger" onClick={() => setClosing(true)}>
            ปิดรอบการบันทึกข้อมูล
          </button>
        )}
      </Section>
    </>
  );
}
