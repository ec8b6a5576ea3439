import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Badge, Field, Loading, ProblemBox, Section } from '../../components/ui';
import {
  DRAW_SPOT_CHECK,
  RECORD_SPOT_CHECK_RESULT,
  SPOT_CHECKS,
  type SpotCheckPupilView,
  type SpotCheckResult,
  type SpotCheckView,
} from '../../graphql/spot-checks';
import { problemOf } from '../../lib/errors';
import { gradeLabels, sexLabels, thaiDateTime, thaiNumber } from '../../lib/thai';

export const spotCheckResults: Record<SpotCheckResult, string> = {
  FOUND: 'พบตัวและข้อมูลถูกต้อง',
  NOT_FOUND: 'ไม่พบตัว',
  WRONG_DATA: 'พบตัวแต่ข้อมูลไม่ถูกต้อง',
};

/** สุ่มตรวจสอบ: the province draws pupils at random during the open round and records what it found. */
export function SpotChecksTab({ provinceCode, canDraw }: { provinceCode: string; canDraw: boolean }) {
  const { data, loading, error } = useQuery(SPOT_CHECKS, { variables: { provinceCode } });
  const [size, setSize] = useState('20');
  const [draw, drawState] = useMutation(DRAW_SPOT_CHECK, { refetchQueries: 'active' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    draw({ variables: { provinceCode, sampleSize: Number(size) } }).catch(() => null);
  };
  const problem = problemOf(drawState.error);
  return (
    <>
      {canDraw && (
        <Section title="สุ่มตรวจสอบนักเรียนและเด็กเล็ก">
          <p className="muted">ระบบสุ่มรายชื่อจากสถานศึกษาทุกแห่งในจังหวัด ระหว่างรอบที่เปิดอยู่ แล้วบันทึกผลการตรวจสอบทีละคน</p>
          <ProblemBox problem={problem} />
          <form className="toolbar" onSubmit={submit} noValidate>
            <Field
              label="จำนวนที่สุ่ม (คน)"
              inputMode="numeric"
              value={size}
              onChange={(e) => setSize(e.target.value)}
              error={problem?.fields.sampleSize}
            />
            <button type="submit" className="button button-primary" disabled={drawState.loading}>
              สุ่มรายชื่อ
            </button>
          </form>
        </Section>
      )}
      {error && <ProblemBox problem={problemOf(error)} />}
      {loading && !data && <Loading />}
      {data && data.spotChecks.length === 0 && (
        <Section title="การสุ่มตรวจสอบ">
          <p className="muted">ยังไม่มีการสุ่มตรวจสอบ</p>
        </Section>
      )}
      {data?.spotChecks.map((c) => (
        <SpotCheckCard key={c.id} check={c} canRecord={canDraw} />
      ))}
    </>
  );
}

function SpotCheckCard({ check, canRecord }: { check: SpotCheckView; canRecord: boolean }) {
  const pending = check.pupils.filter((p) => !p.result).length;
  return (
    <Section title={`สุ่มเมื่อ ${thaiDateTime(check.drawnAt)}`}>
      <p className="muted">
        สุ่ม {thaiNumber(check.sampleSize)} คน จาก {thaiNumber(check.populationSize)} คน · รอบันทึกผล{' '}
        {thaiNumber(pending)} คน
      </p>
      <div className="table-wrap">
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">ลำดับ</th>
              <th scope="col">ชื่อ–นามสกุล</th>
              <th scope="col">สถานศึกษา</th>
              <th scope="col">ผลการตรวจสอบ</th>
            </tr>
          </thead>
          <tbody>
            {check.pupils.map((p) => (
              <tr key={p.pupilId}>
                <td data-label="ลำดับ">{thaiNumber(p.position)}</td>
                <th scope="row">
                  {p.name}
                  <small className="muted block">
                    {p.citizenId} · {gradeLabels[p.grade]} · {sexLabels[p.sex]}
                  </small>
                </th>
                <td data-label="สถานศึกษา">{p.institution.name}</td>
                <td data-label="ผลการตรวจสอบ">
                  <ResultCell checkId={check.id} pupil={p} canRecord={canRecord} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

function ResultCell({
  checkId,
  pupil,
  canRecord,
}: {
  checkId: string;
  pupil: SpotCheckPupilView;
  canRecord: boolean;
}) {
  const [result, setResult] = useState<SpotCheckResult | ''>(pupil.result ?? '');
  const [note, setNote] = useState(pupil.note ?? '');
  const [record, { loading, error, data }] = useMutation(RECORD_SPOT_CHECK_RESULT);
  const problem = problemOf(error);
  if (!canRecord)
    return pupil.result ? (
      <span>{spotCheckResults[pupil.result]}</span>
    ) : (
      <Badge tone="muted">ยังไม่บันทึกผล</Badge>
    );
  return (
    <form
      className="spot-result"
      onSubmit={(e) => {
        e.preventDefault();
        if (result)
          record({
            variables: { spotCheckId: checkId, pupilId: pupil.pupilId, result, note: note.trim() || null },
          }).catch(() => null);
      }}
    >
      <ProblemBox problem={problem} />
      <label>
        <span className="sr-only">ผลการตรวจสอบ {pupil.name}</span>
        <select value={result} onChange={(e) => setResult(e.target.value as SpotCheckResult)}>
          <option value="">เลือกผล</option>
          {(Object.entries(spotCheckResults) as [SpotCheckResult, string][]).map(([v, t]) => (
            <option key={v} value={v}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">หมายเหตุ {pupil.name}</span>
        <input
          placeholder="หมายเหตุ"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={problem?.fields.note ? true : undefined}
        />
      </label>
      <button type="submit" className="button button-small" disabled={!result || loading}>
        บันทึกผล
      </button>
      {data && !error && <span role="status">บันทึกแล้ว</span>}
    </form>
  );
}
