import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { Badge, Notice, Section } from '../components/ui';
import { Link } from '../lib/router';
import { thaiDateTime } from '../lib/thai';
import { dropQueued, saveQueued, type QueuedCommand, type QueuedField } from './queue';
import { syncQueue } from './sync';
import { useQueue } from './use-queue';

const verbs: Record<QueuedField, string> = {
  enrolPupil: 'เพิ่มข้อมูลนักเรียน',
  correctPupil: 'แก้ไขข้อมูลนักเรียน',
  recordPupilLeft: 'บันทึกนักเรียนออก',
  removePupilAsNonExistent: 'นำข้อมูลออก (ไม่มีตัวตน)',
};

const fieldLabels: Record<string, string> = {
  citizenId: 'เลขประจำตัวประชาชน หรือรหัส G',
  prefix: 'คำนำหน้า',
  firstName: 'ชื่อ',
  lastName: 'นามสกุล',
  birthDate: 'วันเกิด (ค.ศ. ปปปป-ดด-วว)',
  grade: 'ระดับชั้น',
  queryNote: 'คำอธิบาย (กรณีข้อมูลผิดปกติ)',
  date: 'วันที่ (ค.ศ. ปปปป-ดด-วว)',
  note: 'หมายเหตุ',
};

function describe(c: QueuedCommand): string {
  const input = (c.args.input ?? {}) as Record<string, unknown>;
  const name = [input.prefix, input.firstName, input.lastName].filter(Boolean).join(' ');
  return name ? `${verbs[c.field]}: ${name}` : verbs[c.field];
}

/** Where a field named by the server lives in the command: in `input`, or an argument of its own. */
function valueOf(c: QueuedCommand, field: string): string {
  const input = c.args.input as Record<string, unknown> | undefined;
  const v = input && field in input ? input[field] : c.args[field];
  return v == null ? '' : String(v);
}

function withValue(c: QueuedCommand, field: string, value: string): QueuedCommand {
  const input = c.args.input as Record<string, unknown> | undefined;
  if (input && (field in input || !(field in c.args)))
    return { ...c, args: { ...c.args, input: { ...input, [field]: value } } };
  return { ...c, args: { ...c.args, [field]: value } };
}

function Item({ c, onSend }: { c: QueuedCommand; onSend: () => void }) {
  // The fields the server named; a citizen ID refused as a duplicate or invalid is the one to fix.
  const named = Object.keys(c.problem?.fields ?? {});
  const idProblem = c.problem?.code === 'DUPLICATE_PUPIL' || c.problem?.code === 'INVALID_CITIZEN_ID';
  const fields = named.length || !idProblem || !c.args.input ? named : ['citizenId'];
  const [draft, setDraft] = useState<QueuedCommand>(c);
  const resend = async (next: QueuedCommand) => {
    await saveQueued({ ...next, state: 'PENDING', problem: null });
    onSend();
  };
  return (
    <li className="offline-item">
      <div>
        <strong>{describe(c)}</strong>{' '}
        {c.state === 'PENDING' ? <Badge tone="warn">รอส่ง</Badge> : <Badge tone="bad">ส่งไม่สำเร็จ</Badge>}
      </div>
      <div className="muted">บันทึกเมื่อ {thaiDateTime(c.createdAt)}</div>
      {c.problem ? <Notice kind="warn">{c.problem.message}</Notice> : null}
      {c.state === 'REFUSED' && fields.length ? (
        <div className="offline-fix">
          {fields.map((f) => (
            <label key={f}>
              {fieldLabels[f] ?? f}{' '}
              <input
                value={valueOf(draft, f)}
                onChange={(e) => setDraft(withValue(draft, f, e.target.value))}
              />
              <span className="muted"> {c.problem?.fields[f]}</span>
            </label>
          ))}
        </div>
      ) : null}
      <div className="offline-actions">
        {c.state === 'REFUSED' && c.problem?.code === 'CONFLICT' ? (
          <button
            type="button"
            className="button"
            onClick={() => void resend({ ...c, basedOnVersion: null })}
          >
            ส่งอีกครั้งโดยแทนที่ข้อมูลล่าสุด
          </button>
        ) : null}
        {c.state === 'REFUSED' && c.problem?.code !== 'CONFLICT' ? (
          <button type="button" className="button button-primary" onClick={() => void resend(draft)}>
            {fields.length ? 'แก้ไขแล้วส่งใหม่' : 'ส่งใหม่'}
          </button>
        ) : null}
        <button type="button" className="button button-danger" onClick={() => void dropQueued(c.id)}>
          ยกเลิกรายการนี้
        </button>
      </div>
    </li>
  );
}

/** The writes waiting on this device (รอส่ง) and those the server refused, each to fix or drop. */
export function OfflineQueuePage() {
  const client = useApolloClient();
  const { items, online } = useQueue();
  const send = () => void syncQueue(client);
  return (
    <main className="page" id="main" tabIndex={-1}>
      <p>
        <Link href="/">← กลับหน้าหลัก</Link>
      </p>
      <Section
        title={`รายการที่บันทึกขณะไม่มีสัญญาณ (${items.length})`}
        actions={
          online && items.some((i) => i.state === 'PENDING') ? (
            <button type="button" className="button" onClick={send}>
              ส่งตอนนี้
            </button>
          ) : null
        }
      >
        {!online ? <Notice kind="warn">ขณะนี้ออฟไลน์ รายการจะถูกส่งเมื่อกลับมาออนไลน์</Notice> : null}
        {items.length ? (
          <ul className="offline-list">
            {items.map((c) => (
              <Item key={`${c.id}-${c.state}`} c={c} onSend={send} />
            ))}
          </ul>
        ) : (
          <p className="muted">ไม่มีรายการรอส่ง</p>
        )}
      </Section>
    </main>
  );
}
