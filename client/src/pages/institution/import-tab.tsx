import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Notice, ProblemBox, Section } from '../../components/ui';
import { problemOfResponse, type Problem } from '../../lib/errors';
import { postWithProgress, type Step } from '../../lib/progress-request';
import { thaiNumber } from '../../lib/thai';

interface RowProblem {
  row: number;
  field: string;
  column: string;
  message: string;
}
/** What POST /imports answers (src/modules/imports/import-view.ts). */
interface ImportView {
  importId: string;
  status: string;
  fileName: string;
  totalRows: number;
  validRows: number;
  errorRowCount: number;
  queryRowCount: number;
  errorRows: RowProblem[];
  queryRows: RowProblem[];
  listTruncated: boolean;
  canCommit: boolean;
  committed: number | null;
}

function Problems({ rows, title }: { rows: RowProblem[]; title: string }) {
  if (rows.length === 0) return null;
  return (
    <details open>
      <summary>
        {title} ({thaiNumber(rows.length)} รายการ)
      </summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">แถวที่</th>
              <th scope="col">คอลัมน์</th>
              <th scope="col">ปัญหา</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{thaiNumber(r.row)}</td>
                <td>{r.column}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

const megabytes = (bytes: number) =>
  (bytes / 1_000_000).toLocaleString('th-TH', { maximumFractionDigits: 1 });

/** What a step of a long import is, in the clerk's words, and how far along (null: not known). */
function stepText(s: Step): { text: string; value: number | null; max: number } {
  if (s.kind === 'upload')
    return {
      text: `กำลังส่งไฟล์ ${megabytes(s.loaded)} จาก ${megabytes(s.total)} MB`,
      value: s.loaded,
      max: s.total,
    };
  const of = s.total == null ? '' : ` จาก ${thaiNumber(s.total)}`;
  switch (s.phase) {
    case 'read':
      return {
        text: `กำลังอ่านไฟล์ อ่านแล้ว ${thaiNumber(s.done)}${of} แถว`,
        value: s.total == null ? null : s.done,
        max: s.total ?? 1,
      };
    case 'validate':
      return { text: `กำลังตรวจข้อมูล ${thaiNumber(s.done)}${of} แถว`, value: s.done, max: s.total ?? 1 };
    case 'duplicates':
      return { text: 'กำลังตรวจเลขประจำตัวกับทะเบียนของทุกสถานศึกษา', value: null, max: 1 };
    case 'store':
      return { text: 'กำลังเก็บผลการตรวจ', value: null, max: 1 };
    case 'commit':
      return {
        text: `กำลังบันทึกเข้าทะเบียน ${thaiNumber(s.done)}${of} คน (บันทึกทั้งไฟล์ หรือไม่บันทึกเลยหากขัดข้อง)`,
        value: s.done,
        max: s.total ?? 1,
      };
    default:
      return { text: 'กำลังดำเนินการ', value: null, max: 1 };
  }
}

/** The step under way, as a bar and a line of text (read out to screen readers as it changes). */
function StepBar({ step }: { step: Step }) {
  const { text, value, max } = stepText(step);
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <progress max={max} {...(value == null ? {} : { value })} aria-label={text} />
      <span>{text}</span>
    </div>
  );
}

/** Spreadsheet import (preview → commit or discard) and export of the register. */
export function ImportTab({ institutionCode, canImport }: { institutionCode: string; canImport: boolean }) {
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const q = `institutionCode=${encodeURIComponent(institutionCode)}`;

  /** A preview or a commit: seconds for a large file, so its progress is shown as it goes. */
  const follow = async <T,>(url: string, body?: FormData): Promise<T | null> => {
    setBusy(true);
    setProblem(null);
    setStep(null);
    try {
      const outcome = await postWithProgress<T>(url, body, setStep);
      if (!outcome.ok) setProblem(outcome.problem);
      return outcome.ok ? outcome.result : null;
    } finally {
      setStep(null);
      setBusy(false);
    }
  };

  const call = async (url: string, body?: FormData): Promise<ImportView | null> => {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch(url, { method: 'POST', body, credentials: 'same-origin' });
      if (!res.ok) {
        setProblem(await problemOfResponse(res));
        return null;
      }
      return (await res.json()) as ImportView;
    } catch {
      setProblem({ message: 'ติดต่อระบบไม่ได้ กรุณาลองใหม่อีกครั้ง', fields: {} });
      return null;
    } finally {
      setBusy(false);
    }
  };
  const preview = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    setMessage(null);
    setView(await follow<ImportView>(`/imports?${q}`, body));
  };
  const commit = async () => {
    if (!view) return;
    const res = await follow<{ committed?: number }>(`/imports/${view.importId}/commit`);
    if (!res) return;
    setMessage(`นำเข้าข้อมูลเรียบร้อยแล้ว ${thaiNumber(res.committed ?? view.validRows)} คน`);
    setView(null);
    await client.refetchQueries({ include: 'active' });
  };
  const discard = async () => {
    if (!view) return;
    if (await call(`/imports/${view.importId}/discard`)) {
      setMessage('ยกเลิกการนำเข้าไฟล์นี้แล้ว');
      setView(null);
    }
  };

  return (
    <>
      <Section title="ส่งออกข้อมูล">
        <p>ดาวน์โหลดรายชื่อปัจจุบันในรูปแบบเดียวกับไฟล์นำเข้า (วันที่เป็น พ.ศ.)</p>
        <div className="actions">
          <a className="button" href={`/exports/pupils.xlsx?${q}`} download>
            ดาวน์โหลด Excel (.xlsx)
          </a>
          <a className="button" href={`/exports/pupils.csv?${q}`} download>
            ดาวน์โหลด CSV
          </a>
        </div>
      </Section>
      {canImport && (
        <Section title="นำเข้าข้อมูลจากไฟล์">
          {message && <Notice kind="ok">{message}</Notice>}
          <ProblemBox problem={problem} />
          <form onSubmit={preview} className="toolbar">
            <div className="field file-field">
              <span className="label" id="import-file-label">
                ไฟล์ Excel (.xlsx) หรือ CSV ไม่เกิน 20 MB
              </span>
              {/* The browser's own file button speaks the browser's language; this one speaks Thai. */}
              <input
                id="import-file"
                className="sr-only"
                type="file"
                accept=".xlsx,.csv,text/csv"
                aria-labelledby="import-file-label"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <label htmlFor="import-file" className="button file-button">
                เลือกไฟล์
                <span className="file-name">{file ? file.name : 'ยังไม่ได้เลือกไฟล์'}</span>
              </label>
            </div>
            <button type="submit" className="button" disabled={!file || busy}>
              ตรวจสอบไฟล์
            </button>
          </form>
          {step && <StepBar step={step} />}
          {view && (
            <div className="import-preview" aria-live="polite">
              <h3>ผลการตรวจสอบ {view.fileName}</h3>
              <ul className="plain">
                <li>ทั้งหมด {thaiNumber(view.totalRows)} แถว</li>
                <li>บันทึกได้ {thaiNumber(view.validRows)} แถว</li>
                <li>ข้อมูลผิดพลาด {thaiNumber(view.errorRowCount)} แถว (ต้องแก้ในไฟล์แล้วนำเข้าใหม่)</li>
                <li>ข้อมูลผิดปกติที่มีคำอธิบาย {thaiNumber(view.queryRowCount)} แถว</li>
              </ul>
              <Problems rows={view.errorRows} title="ข้อมูลผิดพลาด" />
              <Problems rows={view.queryRows} title="ข้อมูลผิดปกติ (บันทึกได้พร้อมคำอธิบาย)" />
              {view.listTruncated && <p className="muted">แสดงเฉพาะ 1,000 รายการแรกของแต่ละประเภท</p>}
              <div className="actions">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={!view.canCommit || busy}
                  onClick={commit}
                >
                  นำเข้า {thaiNumber(view.validRows)} คน
                </button>
                <button type="button" className="button" disabled={busy} onClick={discard}>
                  ยกเลิกไฟล์นี้
                </button>
              </div>
            </div>
          )}
        </Section>
      )}
    </>
  );
}
