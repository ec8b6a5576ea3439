import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Badge, Loading, ProblemBox, Section } from '../../components/ui';
import { ANSWER_TRANSFER, TRANSFER_REQUESTS, type TransferRow } from '../../graphql/pupils';
import { problemOf } from '../../lib/errors';
import { gradeLabels, thaiDateTime } from '../../lib/thai';

const statusText: Record<TransferRow['status'], [string, 'ok' | 'warn' | 'bad' | 'muted']> = {
  OPEN: ['รอคำตอบ', 'warn'],
  ACCEPTED: ['ให้ย้ายแล้ว', 'ok'],
  REFUSED: ['ไม่ให้ย้าย', 'bad'],
};

/** Transfer requests: in (asked by this institution) and out (asked of it, answered here). */
export function TransfersTab({
  institutionCode,
  canAnswer,
}: {
  institutionCode: string;
  canAnswer: boolean;
}) {
  return (
    <>
      <TransferList
        institutionCode={institutionCode}
        direction="OUT"
        canAnswer={canAnswer}
        title="คำขอย้ายออก (สถานศึกษาอื่นขอรับนักเรียนของเรา)"
      />
      <TransferList
        institutionCode={institutionCode}
        direction="IN"
        canAnswer={false}
        title="คำขอย้ายเข้า (เราขอรับนักเรียนจากสถานศึกษาอื่น)"
      />
    </>
  );
}

function TransferList({
  institutionCode,
  direction,
  canAnswer,
  title,
}: {
  institutionCode: string;
  direction: 'IN' | 'OUT';
  canAnswer: boolean;
  title: string;
}) {
  const { data, loading, error } = useQuery(TRANSFER_REQUESTS, { variables: { institutionCode, direction } });
  const [answer, answerState] = useMutation(ANSWER_TRANSFER, { refetchQueries: 'active' });
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <Section title={title}>
      {error && <ProblemBox problem={problemOf(error)} />}
      <ProblemBox problem={problemOf(answerState.error)} />
      {loading && !data && <Loading />}
      {data && data.transferRequests.length === 0 && <p className="muted">ไม่มีคำขอ</p>}
      {data && data.transferRequests.length > 0 && (
        <ul className="plain cards">
          {data.transferRequests.map((t) => (
            <li key={t.id} className="transfer">
              <p>
                <strong>
                  {t.prefix}
                  {t.firstName} {t.lastName}
                </strong>{' '}
                ({gradeLabels[t.grade]}){' '}
                <Badge tone={statusText[t.status][1]}>{statusText[t.status][0]}</Badge>
                {t.overdue && t.status === 'OPEN' && <Badge tone="bad">เกิน 14 วัน</Badge>}
              </p>
              <p className="muted">
                จาก {t.from.name ?? t.from.code} ไปยัง {t.to.name ?? t.to.code} · ขอเมื่อ{' '}
                {thaiDateTime(t.requestedAt)} · ควรตอบภายใน {thaiDateTime(t.dueAt)}
              </p>
              {t.note && <p>หมายเหตุ: {t.note}</p>}
              {t.answerNote && <p>คำตอบ: {t.answerNote}</p>}
              {canAnswer && t.status === 'OPEN' && (
                <div className="actions">
                  <label className="inline-field">
                    เหตุผล (จำเป็นเมื่อไม่ให้ย้าย){' '}
                    <input
                      value={notes[t.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [t.id]: e.target.value })}
                    />
                  </label>
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() =>
                      answer({
                        variables: { requestId: t.id, accept: true, note: notes[t.id] || null },
                      }).catch(() => null)
                    }
                  >
                    ให้ย้าย
                  </button>
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() =>
                      answer({
                        variables: { requestId: t.id, accept: false, note: notes[t.id] || null },
                      }).catch(() => null)
                    }
                  >
                    ไม่ให้ย้าย
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
