import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import {
  ENROLMENT_COUNTS,
  ENROLMENT_COUNTS_AS_OF,
  type CountsView,
  type GroupCount,
} from '../graphql/figures';
import { ROUNDS } from '../graphql/rounds';
import { problemOf } from '../lib/errors';
import { thaiDate, thaiDateTime, thaiNumber } from '../lib/thai';
import { GradeChart } from './grade-chart';
import { ThaiDateInput } from './thai-date-input';
import { Loading, ProblemBox, Section, SelectField } from './ui';

type Mode = 'LIVE' | 'CONFIRMED' | 'AS_OF';

interface Props {
  orgUnitCode: string;
  title: string;
  /** A province: its districts, to show one of them. */
  districts?: string[];
  /** Offer the "as of a date" view (rebuilt from events). */
  asOf?: boolean;
  /** An institution: no funded schools of another affiliation, so no split by source. */
  institution?: boolean;
}

/**
 * A unit's counts: live, the confirmed figures of a round, or as of a date; by grade and sex as a
 * chart with its table, the totals by source and nationality, CDC age groups, and the xlsx.
 */
export function FiguresPanel({ orgUnitCode, title, districts, asOf, institution }: Props) {
  const [mode, setMode] = useState<Mode>('LIVE');
  const [roundId, setRoundId] = useState('');
  const [district, setDistrict] = useState('');
  const [at, setAt] = useState('');
  const rounds = useQuery(ROUNDS, { skip: mode !== 'CONFIRMED' });
  const chosenRound = roundId || rounds.data?.rounds[0]?.id || '';
  const live = useQuery(ENROLMENT_COUNTS, {
    variables: {
      orgUnitCode,
      district: district || null,
      ...(mode === 'CONFIRMED' ? { roundId: chosenRound, confirmedOnly: true } : {}),
    },
    skip: mode === 'AS_OF' || (mode === 'CONFIRMED' && !chosenRound),
  });
  const past = useQuery(ENROLMENT_COUNTS_AS_OF, {
    variables: { orgUnitCode, at, district: district || null },
    skip: mode !== 'AS_OF' || !at,
  });
  const q = mode === 'AS_OF' ? past : live;
  const counts = mode === 'AS_OF' ? past.data?.enrolmentCountsAsOf : live.data?.enrolmentCounts;

  const params = new URLSearchParams();
  if (district) params.set('district', district);
  if (mode === 'CONFIRMED' && chosenRound) {
    params.set('roundId', chosenRound);
    params.set('confirmedOnly', 'true');
  }
  if (mode === 'AS_OF' && at) params.set('at', at);
  const href = `/exports/counts/${encodeURIComponent(orgUnitCode)}.xlsx${params.size ? `?${params}` : ''}`;
  const modes: [Mode, string][] = [
    ['LIVE', 'ตัวเลขปัจจุบัน'],
    ['CONFIRMED', 'ข้อมูลที่ยืนยันแล้วของรอบ'],
    ...(asOf ? ([['AS_OF', 'ข้อมูล ณ วันที่']] as [Mode, string][]) : []),
  ];

  return (
    <Section
      title={title}
      actions={
        (mode !== 'AS_OF' || at) && (
          <a className="button button-small" href={href}>
            ดาวน์โหลดจำนวนนักเรียน (Excel)
          </a>
        )
      }
    >
      <div className="figures-controls">
        <fieldset className="field switch">
          <legend>ที่มาของตัวเลข</legend>
          {modes.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={`mode-${orgUnitCode}`}
                value={value}
                checked={mode === value}
                onChange={() => setMode(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {mode === 'CONFIRMED' && rounds.data && (
          <SelectField
            label="รอบการบันทึกข้อมูล"
            value={chosenRound}
            onChange={(e) => setRoundId(e.target.value)}
            options={rounds.data.rounds.map((r) => [r.id, `ครั้งที่ ${r.roundNo} ปีการศึกษา ${r.academicYear}`])}
          />
        )}
        {mode === 'CONFIRMED' && rounds.data?.rounds.length === 0 && (
          <p className="muted">ยังไม่มีรอบการบันทึกข้อมูล</p>
        )}
        {mode === 'AS_OF' && (
          <ThaiDateInput
            legend="ดูข้อมูล ณ วันที่ (สิ้นวัน)"
            value={at}
            onChange={setAt}
            error={problemOf(past.error)?.fields.at}
          />
        )}
        {districts && districts.length > 0 && (
          <SelectField
            label="อำเภอ"
            value={district}
            onChange={(e) => setDistrict(e.target.value)}
            placeholder="ทุกอำเภอ"
            options={districts.map((d) => [d, d])}
          />
        )}
      </div>
      {q.error && <ProblemBox problem={problemOf(q.error)} />}
      {q.loading && !counts && <Loading />}
      {counts && <CountsBody counts={counts} bySource={!institution} />}
    </Section>
  );
}

const levelNames: Record<string, string> = { INSTITUTION: 'สถานศึกษา', LAO: 'อปท.', PROVINCE: 'จังหวัด' };

function sourceOf(c: CountsView): string {
  if (c.mode === 'CONFIRMED')
    return `ข้อมูลที่ยืนยันแล้วของรอบ (ตัวเลขที่ใช้อ้างอิง) · ยืนยันแล้วถึงระดับ${levelNames[c.confirmedUpTo ?? ''] ?? ''}`;
  if (c.mode === 'AS_OF') return `ตามที่บันทึกไว้ ณ ${thaiDateTime(c.at)}`;
  return 'ตามที่บันทึกไว้ขณะนี้ (ยังเปลี่ยนแปลงได้)';
}

function CountsBody({ counts: c, bySource }: { counts: CountsView; bySource: boolean }) {
  const sections: [string, GroupCount][] = [
    ['นักเรียนและเด็กเล็กในระบบ', { label: '', ...c.enrolled }],
    ['สถานศึกษาสังกัดอื่นที่ อปท. อุดหนุน', { label: '', ...c.otherSchools }],
  ];
  return (
    <div>
      <p className="figures-source" role="status">
        <strong>{c.orgUnit.name}</strong>
        {c.district && ` · อำเภอ${c.district}`} · {sourceOf(c)}
      </p>
      <dl className="totals">
        <div>
          <dt>รวมทั้งหมด</dt>
          <dd>{thaiNumber(c.total)} คน</dd>
        </div>
        <div>
          <dt>ชาย</dt>
          <dd>{thaiNumber(c.male)}</dd>
        </div>
        <div>
          <dt>หญิง</dt>
          <dd>{thaiNumber(c.female)}</dd>
        </div>
      </dl>
      <h3>จำนวนรายชั้นและเพศ (รวมทั้งหมด)</h3>
      <GradeChart rows={c.rows} caption="จำนวนนักเรียนรายชั้น แยกชาย หญิง" />
      <div className="grid-2">
        {bySource && (
          <GroupTable
            caption="แยกตามที่มา"
            head="ที่มา"
            rows={[...sections, ['รวมทั้งหมด', { label: '', ...c.combined }]]}
            lastIsTotal
          />
        )}
        {c.byNationality ? (
          <GroupTable
            caption="นักเรียนและเด็กเล็กในระบบ แยกตามสัญชาติ"
            head="สัญชาติ"
            rows={c.byNationality.map((n) => [n.label, n])}
          />
        ) : (
          <p className="muted">ข้อมูลที่ยืนยันแล้วเก็บรายชั้นรายเพศ ไม่แยกสัญชาติ</p>
        )}
      </div>
      {c.provisional.length > 0 && (
        <GroupTable
          caption="ยืนยันแล้วเฉพาะระดับล่าง (ไม่รวมในตัวเลขทางการข้างต้น)"
          head="ยืนยันแล้วถึง"
          rows={c.provisional.map((p) => [p.label, { label: '', ...p.combined }])}
        />
      )}
      {c.cdcAgeGroups && c.cdcAgeGroups.some((g) => g.total > 0) && (
        <GroupTable
          caption={`เด็กเล็กตามช่วงอายุ (อายุเต็มปี ณ ${thaiDate(c.referenceDate)})`}
          head="ช่วงอายุ"
          rows={c.cdcAgeGroups.map((g) => [g.label, g])}
        />
      )}
    </div>
  );
}

function GroupTable({
  caption,
  head,
  rows,
  lastIsTotal,
}: {
  caption: string;
  head: string;
  rows: [string, GroupCount][];
  lastIsTotal?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col">ชาย</th>
            <th scope="col">หญิง</th>
            <th scope="col">รวม</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, g], i) => (
            <tr key={name} className={lastIsTotal && i === rows.length - 1 ? 'total' : undefined}>
              <th scope="row">{name}</th>
              <td>{thaiNumber(g.male)}</td>
              <td>{thaiNumber(g.female)}</td>
              <td>{thaiNumber(g.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
