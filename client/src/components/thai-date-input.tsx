import { useId, useState } from 'react';
import { THAI_MONTHS } from '../lib/thai';

interface Props {
  legend: string;
  /** ISO `YYYY-MM-DD` (Christian era, as on the wire) or '' when incomplete. */
  value: string;
  onChange: (iso: string) => void;
  error?: string;
  name?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function partsOf(iso: string) {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return { day: '', month: '', be: '' };
  return { day: String(d), month: String(m), be: String(y + 543) };
}

/**
 * A date as Thai people write it: day, Thai month name and Buddhist-era year. The value is the
 * ISO date the server expects, or '' while the entry is incomplete.
 */
/**
 * What is wrong with the year typed so far, said before the server is asked: a Christian-era year
 * (2015) is the commonest slip, so it is named as such with the Buddhist-era year it stands for.
 */
export function beYearProblem(typed: string): string | null {
  if (typed.length < 4) return null;
  const y = Number(typed);
  if (y >= 1900 && y <= 2200) return `ปี ${y} เป็นปี ค.ศ. กรุณากรอกปี พ.ศ. (ปี ค.ศ. ${y} คือ พ.ศ. ${y + 543})`;
  if (y < 2400 || y > 2700)
    return `ปี พ.ศ. ${y} ไม่ถูกต้อง กรุณากรอกปี พ.ศ. 4 หลัก เช่น ${new Date().getFullYear() + 543}`;
  return null;
}

export function ThaiDateInput({ legend, value, onChange, error: serverError, name }: Props) {
  const id = useId();
  const [parts, setParts] = useState(() => partsOf(value));
  const error = beYearProblem(parts.be) ?? serverError;
  const update = (next: typeof parts) => {
    setParts(next);
    const be = Number(next.be);
    onChange(
      next.day && next.month && be >= 2400 && be <= 2700
        ? `${be - 543}-${pad(Number(next.month))}-${pad(Number(next.day))}`
        : '',
    );
  };
  const invalid = error ? true : undefined;
  return (
    <fieldset
      className={`field date-field${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-err` : undefined}
    >
      <legend>{legend}</legend>
      <div className="date-parts">
        <label>
          <span className="sr-only">{legend}: วันที่</span>
          <select
            name={name && `${name}-day`}
            value={parts.day}
            onChange={(e) => update({ ...parts, day: e.target.value })}
            aria-invalid={invalid}
          >
            <option value="">วันที่</option>
            {Array.from({ length: 31 }, (_, i) => (
              <option key={i} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{legend}: เดือน</span>
          <select
            name={name && `${name}-month`}
            value={parts.month}
            onChange={(e) => update({ ...parts, month: e.target.value })}
            aria-invalid={invalid}
          >
            <option value="">เดือน</option>
            {THAI_MONTHS.map((month, i) => (
              <option key={month} value={i + 1}>
                {month}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="sr-only">{legend}: ปี พ.ศ.</span>
          <input
            name={name && `${name}-year`}
            inputMode="numeric"
            placeholder="ปี พ.ศ."
            maxLength={4}
            value={parts.be}
            onChange={(e) => update({ ...parts, be: e.target.value.replace(/\D/g, '') })}
            aria-invalid={invalid}
          />
        </label>
      </div>
      {error && (
        <small id={`${id}-err`} className="field-error">
          {error}
        </small>
      )}
    </fieldset>
  );
}
