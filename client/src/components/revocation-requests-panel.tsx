import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { REVOKE } from '../graphql/confirmations';
import {
  REFUSE_REVOCATION_REQUEST,
  REVOCATION_REQUESTS,
  type RevocationRequestView,
} from '../graphql/levels';
import { actorName } from '../lib/actor';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { datasetLabels, thaiDateTime } from '../lib/thai';
import { Badge, Field, ProblemBox } from './ui';

const statusText: Record<RevocationRequestView['status'], [string, 'warn' | 'ok' | 'bad']> = {
  OPEN: ['รอพิจารณา', 'warn'],
  REVOKED: ['ยกเลิกการยืนยันแล้ว', 'ok'],
  REFUSED: ['ปฏิเสธ', 'bad'],
};

/**
 * Requests to revoke a confirmation: those this unit must answer now (revoke, or refuse with a
 * reason), and those it or its units sent, with who must act and the answer.
 */
export function RevocationRequestsPanel({ ownCode }: { ownCode: string }) {
  const { data } = useQuery(REVOCATION_REQUESTS, { variables: { orgUnitCode: ownCode } });
  const all = data?.revocationRequests ?? [];
  const mine = all.filter((r) => r.status === 'OPEN' && r.mustActOrgUnit?.code === ownCode);
  // Besides those to answer: the ones this unit sent, was asked about, or answered (not every
  // request of the units below, which their own levels follow).
  const others = all
    .filter((r) => !mine.includes(r))
    .filter((r) =>
      [
        r.requestedByOrgUnit.code,
        r.orgUnit.code,
        r.answeredByOrgUnit?.code,
        r.addressedToOrgUnit.code,
      ].includes(ownCode),
    )
    .slice(0, 10);
  if (mine.length === 0 && others.length === 0) return null;
  return (
    <section className="card" aria-labelledby="revocation-requests" id="revocation-requests">
      <h2 id="revocation-requests">คำขอให้ยกเลิกการยืนยัน</h2>
      {mine.length > 0 && (
        <ul className="plain cards" aria-label="คำขอที่รอท่านพิจารณา">
          {mine.map((r) => (
            <li key={r.id}>
              <RequestLine r={r} />
              <Answer r={r} />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3>คำขอที่ส่งหรือพิจารณาแล้ว</h3>
          <ul className="plain cards" aria-label="คำขอที่ส่งหรือพิจารณาแล้ว">
            {others.map((r) => (
              <li key={r.id}>
                <RequestLine r={r} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function RequestLine({ r }: { r: RevocationRequestView }) {
  const [text, tone] = statusText[r.status];
  return (
    <>
      <p>
        <Badge tone={tone}>{text}</Badge>{' '}
        <Link href={`/units/${encodeURIComponent(r.orgUnit.code)}`}>{r.orgUnit.name}</Link> ·{' '}
        {datasetLabels[r.dataset]}
      </p>
      <p>เหตุผลที่ขอ: {r.reason}</p>
      <p className="muted">
        ขอโดย {r.requestedByOrgUnit.name} ({actorName(r.requestedBy)}) เมื่อ {thaiDateTime(r.requestedAt)}
        {r.status === 'OPEN' && r.mustActOrgUnit && <> · ผู้ต้องดำเนินการ: {r.mustActOrgUnit.name}</>}
      </p>
      {r.status !== 'OPEN' && (
        <p>
          {r.status === 'REFUSED' ? 'เหตุผลที่ปฏิเสธ' : 'ผลการพิจารณา'}: {r.answerReason ?? '–'}{' '}
          <small className="muted">
            ({r.answeredByOrgUnit?.name ?? ''} {thaiDateTime(r.answeredAt)})
          </small>
        </p>
      )}
    </>
  );
}

function Answer({ r }: { r: RevocationRequestView }) {
  const [reason, setReason] = useState('');
  const [revoke, revoked] = useMutation(REVOKE, { refetchQueries: 'active' });
  const [refuse, refused] = useMutation(REFUSE_REVOCATION_REQUEST, { refetchQueries: 'active' });
  const problem = problemOf(revoked.error ?? refused.error);
  return (
    <div className="answer">
      <ProblemBox problem={problem} />
      <Field
        label="เหตุผลของท่าน (ยกเลิกการยืนยัน หรือปฏิเสธ)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problem?.fields.reason}
      />
      <div className="actions">
        <button
          type="button"
          className="button button-danger"
          disabled={revoked.loading}
          onClick={() =>
            revoke({
              variables: {
                orgUnitCode: r.orgUnit.code,
                dataset: r.dataset,
                reason: reason.trim() || r.reason,
              },
            }).catch(() => null)
          }
        >
          ยกเลิกการยืนยันตามคำขอ<span className="sr-only"> {r.orgUnit.name}</span>
        </button>
        <button
          type="button"
          className="button"
          disabled={refused.loading}
          onClick={() => refuse({ variables: { requestId: r.id, reason: reason.trim() } }).catch(() => null)}
        >
          ปฏิเสธคำขอ<span className="sr-only"> {r.orgUnit.name}</span>
        </button>
      </div>
    </div>
  );
}
