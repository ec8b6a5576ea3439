import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { BUDGET_PREVIEW, type BudgetFiguresView, type MilkKind } from '../graphql/budget';
import { ROUNDS } from '../graphql/rounds';
import { problemOf } from '../lib/errors';
import { thaiBaht, thaiDate, thaiNumber, type OrgUnitKind } from '../lib/thai';
import { Badge, Loading, ProblemBox, Section, SelectField } from './ui';

const milkKinds: [MilkKind, string][] = [
  ['PASTEURISED', 'นมพาสเจอร์ไรส์ (ถุง)'],
  ['UHT', 'นม ยู.เอช.ที. (กล่อง)'],
];
const lineHead: Partial<Record<OrgUnitKind, string>> = {
  LAO: 'สถานศึกษา',
  PROVINCE: 'อปท.',
  DEPARTMENT: 'จังหวัด',
};

/**
 * The yearly lunch and milk budget of an LAO, a province or the country: from the round's confirmed
 * figures, and apart, clearly marked, the estimate from the live registers.
 */
export function BudgetPanel({ orgUnitCode, kind }: { orgUnitCode: string; kind: OrgUnitKind }) {
  const [milkKind, setMilkKind] = useState<MilkKind>('PASTEURISED');
  const [roundId, setRoundId] = useState('');
  const rounds = useQuery(ROUNDS);
  const { data, loading, error } = useQuery(BUDGET_PREVIEW, {
    variables: { orgUnitCode, milkKind, roundId: roundId || null },
  });
  const p = data?.budgetPreview;
  return (
    <>
      <Section title="ประมาณการเงินอุดหนุนค่าอาหารกลางวันและอาหารเสริม (นม) ต่อปี">
        <fieldset className="field switch">
          <legend>ชนิดนม</legend>
          {milkKinds.map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={`milk-${orgUnitCode}`}
                value={value}
                checked={milkKind === value}
                onChange={() => setMilkKind(value)}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {rounds.data && rounds.data.rounds.length > 1 && (
          <SelectField
            label="ตัวเลขที่ยืนยันแล้วของรอบ"
            value={roundId}
            onChange={(e) => setRoundId(e.target.value)}
            placeholder="รอบที่เปิดอยู่หรือรอบล่าสุด"
            options={rounds.data.rounds.map((r) => [r.id, `ครั้งที่ ${r.roundNo} ปีการศึกษา ${r.academicYear}`])}
          />
        )}
        {error && <ProblemBox problem={problemOf(error)} />}
        {loading && !p && <Loading />}
        {p && (
          <p className="muted">
            {p.orgUnit.name} · อัตรา
            {p.rates.isDefault ? 'ค่าเริ่มต้นของระบบ' : `ที่มีผลตั้งแต่ ${thaiDate(p.rates.effectiveFrom)}`} · เลือกอัตรา
            ณ วันที่ {thaiDate(p.ratesOn)}
          </p>
        )}
      </Section>
      {p && (
        <>
          {p.confirmed ? (
            <Figures
              figures={p.confirmed}
              title="ตามข้อมูลที่ยืนยันแล้ว (ข้อมูลที่ใช้จัดสรรงบประมาณ)"
              badge={<Badge tone="ok">ยืนยันแล้ว</Badge>}
              lineHead={lineHead[kind] ?? 'หน่วยงาน'}
            />
          ) : (
            <Section title="ตามข้อมูลที่ยืนยันแล้ว">
              <p className="muted">ยังไม่มีรอบการบันทึกข้อมูล จึงยังไม่มีตัวเลขที่ยืนยันแล้ว</p>
            </Section>
          )}
          {p.provisional && p.provisional.institutions > 0 && (
            <Figures
              figures={p.provisional}
              title="ยืนยันแล้วเฉพาะระดับล่าง (ยังไม่ใช่ข้อมูลที่ใช้จัดสรรงบประมาณ)"
              badge={<Badge tone="warn">ยังไม่ยืนยันถึงระดับนี้</Badge>}
              lineHead={lineHead[kind] ?? 'หน่วยงาน'}
            />
          )}
          <Figures
            figures={p.live}
            title="ประมาณการจากทะเบียนปัจจุบัน (ยังไม่ยืนยัน)"
            badge={<Badge tone="warn">ยังไม่ยืนยัน</Badge>}
            lineHead={lineHead[kind] ?? 'หน่วยงาน'}
            note="ตัวเลขนี้คำนวณจากข้อมูลที่บันทึกอยู่ขณะนี้ ยังเปลี่ยนแปลงได้ ใช้เพื่อประมาณการเท่านั้น ไม่ใช่ตัวเลขที่ยืนยันแล้ว"
          />
        </>
      )}
    </>
  );
}

function Figures({
  figures: f,
  title,
  badge,
  lineHead,
  note,
}: {
  figures: BudgetFiguresView;
  title: string;
  badge: ReactNode;
  lineHead: string;
  note?: string;
}) {
  const perInstitution = f.lines.some((l) => l.lunchRatePerDay !== null);
  return (
    <Section title={title} actions={badge}>
      <div className={f.basis === 'LIVE' ? 'budget budget-live' : 'budget'}>
        {note && <p className="alert alert-warn">{note}</p>}
        <p className="muted">{f.label}</p>
        <dl className="totals">
          <div>
            <dt>รวมทั้งสิ้น</dt>
            <dd>{thaiBaht(f.total)} บาท</dd>
          </div>
          <div>
            <dt>ค่าอาหารกลางวัน ({thaiNumber(f.lunchPupils)} คน)</dt>
            <dd>{thaiBaht(f.lunchAmount)} บาท</dd>
          </div>
          <div>
            <dt>ค่าอาหารเสริม (นม) ({thaiNumber(f.milkPupils)} คน)</dt>
            <dd>{thaiBaht(f.milkAmount)} บาท</dd>
          </div>
        </dl>
        <p className="muted">
          นับ {thaiNumber(f.institutions)} แห่ง
          {f.unconfirmed ? ` · ยังไม่มีข้อมูลที่ยืนยันแล้ว ${thaiNumber(f.unconfirmed)} แห่ง (ไม่นับรวม)` : ''}
        </p>
        {f.lines.length > 0 && (
          <div className="table-wrap">
            <table className="budget-lines stack">
              <caption className="sr-only">
                {title} ราย{lineHead}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{lineHead}</th>
                  <th scope="col">ค่าอาหารกลางวัน (คน)</th>
                  {perInstitution && <th scope="col">อัตรา บาท/คน/วัน</th>}
                  <th scope="col">ค่าอาหารกลางวัน (บาท)</th>
                  <th scope="col">นม (คน)</th>
                  <th scope="col">นม (บาท)</th>
                  <th scope="col">รวม (บาท)</th>
                </tr>
              </thead>
              <tbody>
                {f.lines.map((l) => (
                  <tr key={l.orgUnit.code}>
                    <th scope="row">{l.orgUnit.name}</th>
                    <td data-label="ค่าอาหารกลางวัน (คน)">{thaiNumber(l.lunchPupils)}</td>
                    {perInstitution && <td data-label="อัตรา บาท/คน/วัน">{thaiBaht(l.lunchRatePerDay)}</td>}
                    <td data-label="ค่าอาหารกลางวัน (บาท)">{thaiBaht(l.lunchAmount)}</td>
                    <td data-label="นม (คน)">{thaiNumber(l.milkPupils)}</td>
                    <td data-label="นม (บาท)">{thaiBaht(l.milkAmount)}</td>
                    <td data-label="รวม (บาท)">{thaiBaht(l.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </Section>
  );
}
