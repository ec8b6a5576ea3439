import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Notice, ProblemBox, Section } from '../../components/ui';
import { problemOfResponse, type Problem } from '../../lib/errors';
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

/** Spreadsheet import (preview → commit or discard) and export of the register. */
export function ImportTab({ institutionCode, canImport }: { institutionCode: string; canImport: boolean }) {
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [view, setView] = useState<ImportView | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const q = `institutionCode=${encodeURIComponent(institutionCode)}`;

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
    setView(await call(`/imports?${q}`, body));
  };
  const commit = async () => {
    if (!view) return;
    const res = (await call(`/imports/${view.importId}/commit`)) as unknown as { committed?: number } | null;
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
