import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState, type FormEvent } from 'react';
import { ThaiDateInput } from '../../components/thai-date-input';
import { Badge, Field, Loading, Notice, ProblemBox, Section } from '../../components/ui';
import { BUDGET_RATES, SET_BUDGET_RATES, type RatesView } from '../../graphql/budget';
import { actorName } from '../../lib/actor';
import { problemOf } from '../../lib/errors';
import { useFocusFirstInvalid } from '../../lib/focus';
import { thaiBaht, thaiDate, thaiDateTime } from '../../lib/thai';

const bandText = (b: RatesView['lunchBands'][number]) =>
  `${b.minPupils}${b.maxPupils === null ? ' คนขึ้นไป' : `–${b.maxPupils} คน`}: ${thaiBaht(b.ratePerDay)} บาท`;

/** The department's dated lunch and milk rates: every set, newest first, and a form for a new one. */
export function BudgetRatesSection() {
  const { data, loading, error } = useQuery(BUDGET_RATES);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <Section title="อัตราเงินอุดหนุน (ตามวันที่มีผล)">
        {error && <ProblemBox problem={problemOf(error)} />}
        {loading && !data && <Loading />}
        {saved && <Notice kind="ok">{saved}</Notice>}
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">มีผลตั้งแต่</th>
                <th scope="col">ค่าอาหารกลางวัน บาท/คน/วัน (ตามขนาดโรงเรียน)</th>
                <th scope="col">นม (บาท)</th>
                <th scope="col">จำนวนวัน</th>
                <th scope="col">ผู้กำหนด</th>
              </tr>
            </thead>
            <tbody>
              {data?.budgetRates.map((r) => (
                <tr key={r.effectiveFrom ?? 'default'}>
                  <th scope="row">
                    {r.isDefault ? <Badge tone="muted">ค่าเริ่มต้นของระบบ</Badge> : thaiDate(r.effectiveFrom)}
                  </th>
                  <td data-label="ค่าอาหารกลางวัน">
                    <ul className="plain">
                      {r.lunchBands.map((b) => (
                        <li key={b.minPupils}>{bandText(b)}</li>
                      ))}
                      {r.cdcLunchPerDay !== null && <li>เด็กเล็ก: {thaiBaht(r.cdcLunchPerDay)} บาท</li>}
                    </ul>
                  </td>
                  <td data-label="นม (บาท)">
                    ถุง {thaiBaht(r.milkPasteurisedPerBag)} · กล่อง {thaiBaht(r.milkUhtPerBox)}
                  </td>
                  <td data-label="จำนวนวัน">
                    อาหารกลางวัน {r.lunchDays} · นม {r.milkDays}
                    {r.cdcLunchDays !== null && ` · เด็กเล็ก ${r.cdcLunchDays}`}
                  </td>
                  <td data-label="ผู้กำหนด">
                    {r.isDefault ? '–' : `${actorName(r.setBy)} ${thaiDateTime(r.setAt)}`}
                    {r.note && <div className="muted">{r.note}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {data && <RatesForm base={data.budgetRates[0]} onDone={setSaved} />}
    </>
  );
}

interface BandCells {
  minPupils: string;
  maxPupils: string;
  ratePerDay: string;
}
const money = (v: string) => v.replace(/[^\d.]/g, '');
const whole = (v: string) => v.replace(/\D/g, '');
const num = (v: string) => (v.trim() === '' ? 0 : Number(v));
const optional = (v: string) => (v.trim() === '' ? null : Number(v));

function RatesForm({ base, onDone }: { base: RatesView | undefined; onDone: (m: string) => void }) {
  const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [bands, setBands] = useState<BandCells[]>(
    (base?.lunchBands ?? [{ minPupils: 1, maxPupils: null, ratePerDay: 0 }]).map((b) => ({
      minPupils: str(b.minPupils),
      maxPupils: str(b.maxPupils),
      ratePerDay: str(b.ratePerDay),
    })),
  );
  const [v, setV] = useState({
    lunchDays: str(base?.lunchDays),
    milkDays: str(base?.milkDays),
    milkPasteurisedPerBag: str(base?.milkPasteurisedPerBag),
    milkUhtPerBox: str(base?.milkUhtPerBox),
    cdcLunchPerDay: str(base?.cdcLunchPerDay),
    cdcLunchDays: str(base?.cdcLunchDays),
    note: '',
  });
  const [save, { loading, error }] = useMutation(SET_BUDGET_RATES, { refetchQueries: 'active' });
  const problem = problemOf(error);
  const f = problem?.fields ?? {};
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, error);
  const set = (k: keyof typeof v, clean: (s: string) => string) => (e: { target: { value: string } }) =>
    setV({ ...v, [k]: clean(e.target.value) });
  const setBand = (i: number, k: keyof BandCells, value: string) =>
    setBands(bands.map((b, j) => (j === i ? { ...b, [k]: value } : b)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await save({
      variables: {
        input: {
          effectiveFrom,
          lunchBands: bands.map((b) => ({
            minPupils: num(b.minPupils),
            maxPupils: optional(b.maxPupils),
            ratePerDay: num(b.ratePerDay),
          })),
          lunchDays: num(v.lunchDays),
          milkDays: num(v.milkDays),
          milkPasteurisedPerBag: num(v.milkPasteurisedPerBag),
          milkUhtPerBox: num(v.milkUhtPerBox),
          cdcLunchPerDay: optional(v.cdcLunchPerDay),
          cdcLunchDays: optional(v.cdcLunchDays),
          note: v.note.trim() || null,
        },
      },
    }).catch(() => null);
    if (res?.data) onDone(`บันทึกอัตราที่มีผลตั้งแต่ ${thaiDate(res.data.setBudgetRates.effectiveFrom)} เรียบร้อยแล้ว`);
  };

  return (
    <Section title="กำหนดอัตราชุดใหม่">
      <form ref={form} onSubmit={submit} noValidate aria-label="กำหนดอัตราเงินอุดหนุน" className="rates-form">
        <ProblemBox problem={problem} />
        <ThaiDateInput
          legend="วันที่มีผล"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={f.effectiveFrom}
          name="effectiveFrom"
        />
        <fieldset
          className={`field${f.lunchBands ? ' field-invalid' : ''}`}
          aria-describedby={f.lunchBands ? 'bands-err' : undefined}
        >
          <legend>ค่าอาหารกลางวันตามขนาดโรงเรียน (จำนวนนักเรียน อ.1–ป.6)</legend>
          <div className="table-wrap">
            <table className="bands">
              <thead>
                <tr>
                  <th scope="col">ตั้งแต่ (คน)</th>
                  <th scope="col">ถึง (คน, ว่าง = ขึ้นไป)</th>
                  <th scope="col">บาท/คน/วัน</th>
                  <th scope="col">
                    <span className="sr-only">ลบ</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {bands.map((b, i) => (
                  <tr key={i}>
                    {(['minPupils', 'maxPupils', 'ratePerDay'] as const).map((k) => (
                      <td key={k}>
                        <input
                          inputMode={k === 'ratePerDay' ? 'decimal' : 'numeric'}
                          aria-label={`ช่วงที่ ${i + 1} ${
                            k === 'minPupils' ? 'ตั้งแต่ (คน)' : k === 'maxPupils' ? 'ถึง (คน)' : 'บาทต่อคนต่อวัน'
                          }`}
                          aria-invalid={f.lunchBands ? true : undefined}
                          value={b[k]}
                          onChange={(e) =>
                            setBand(i, k, (k === 'ratePerDay' ? money : whole)(e.target.value))
                          }
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`ลบช่วงที่ ${i + 1}`}
                        disabled={bands.length === 1}
                        onClick={() => setBands(bands.filter((_, j) => j !== i))}
                      >
                        ลบ
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button
            type="button"
            className="button button-small"
            onClick={() => setBands([...bands, { minPupils: '', maxPupils: '', ratePerDay: '' }])}
          >
            เพิ่มช่วงขนาดโรงเรียน
          </button>
          {f.lunchBands && (
            <small id="bands-err" className="field-error">
              {f.lunchBands}
            </small>
          )}
        </fieldset>
        <div className="grid-2">
          <Field
            label="จำนวนวันค่าอาหารกลางวัน"
            inputMode="numeric"
            value={v.lunchDays}
            onChange={set('lunchDays', whole)}
            error={f.lunchDays}
          />
          <Field
            label="จำนวนวันค่าอาหารเสริม (นม)"
            inputMode="numeric"
            value={v.milkDays}
            onChange={set('milkDays', whole)}
            error={f.milkDays}
          />
          <Field
            label="นมพาสเจอร์ไรส์ บาทต่อถุง"
            inputMode="decimal"
            value={v.milkPasteurisedPerBag}
            onChange={set('milkPasteurisedPerBag', money)}
            error={f.milkPasteurisedPerBag}
          />
          <Field
            label="นม ยู.เอช.ที. บาทต่อกล่อง"
            inputMode="decimal"
            value={v.milkUhtPerBox}
            onChange={set('milkUhtPerBox', money)}
            error={f.milkUhtPerBox}
          />
          <Field
            label="ค่าอาหารกลางวันเด็กเล็ก บาท/คน/วัน (ว่าง: ไม่นับ)"
            inputMode="decimal"
            value={v.cdcLunchPerDay}
            onChange={set('cdcLunchPerDay', money)}
            error={f.cdcLunchPerDay}
          />
          <Field
            label="จำนวนวันค่าอาหารกลางวันเด็กเล็ก"
            inputMode="numeric"
            value={v.cdcLunchDays}
            onChange={set('cdcLunchDays', whole)}
            error={f.cdcLunchDays}
          />
        </div>
        <Field
          label="อ้างอิงหนังสือสั่งการ / มติคณะรัฐมนตรี"
          value={v.note}
          onChange={(e) => setV({ ...v, note: e.target.value })}
          error={f.note}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={loading}>
            บันทึกอัตรา
          </button>
        </div>
      </form>
    </Section>
  );
}
