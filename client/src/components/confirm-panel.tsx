import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import {
  CONFIRM,
  CONFIRM_READY,
  CONFIRMATION_STATUS,
  type BulkResultView,
  type ConfirmationStatusView,
  type DatasetStatusView,
} from '../graphql/confirmations';
import type { UnitRef } from '../graphql/org-units';
import { actorName } from '../lib/actor';
import { problemOf } from '../lib/errors';
import {
  datasetLabels,
  isInstitution,
  revokerOf,
  thaiDate,
  thaiDateTime,
  thaiNumber,
  type Dataset,
} from '../lib/thai';
import { Link } from '../lib/router';
import { ChangesSince } from './changes-since';
import { ConfirmAll } from './confirm-all';
import { RevocationRequestForm } from './revocation-request-form';
import { Badge, Loading, Notice, ProblemBox, Section } from './ui';

export const roundTitle = (r: ConfirmationStatusView['round']) =>
  `การบันทึกข้อมูล ครั้งที่ ${r.roundNo} ประจำปีการศึกษา ${r.academicYear} (ข้อมูล ณ วันที่ ${thaiDate(r.snapshotDate)})`;

export function StatusBadge({ s }: { s: DatasetStatusView }) {
  if (s.confirmed) return <Badge tone="ok">ยืนยันแล้ว{s.late ? ' (เกินกำหนด)' : ''}</Badge>;
  if (s.revokedAt) return <Badge tone="warn">ยกเลิกการยืนยันแล้ว รอยืนยันใหม่</Badge>;
  return <Badge tone={s.late ? 'bad' : 'muted'}>{s.late ? 'ยังไม่ยืนยัน (เลยกำหนด)' : 'ยังไม่ยืนยัน'}</Badge>;
}

/** The confirmation status of one unit's dataset: who, when, the total; or the revocation and its reason. */
export function DatasetStatusLines({ s, unit }: { s: DatasetStatusView; unit: UnitRef }) {
  return (
    <>
      <p>
        <StatusBadge s={s} /> {s.deadline && <span className="muted">ภายในวันที่ {thaiDate(s.deadline)}</span>}
      </p>
      {s.confirmed && (
        <p>
          ยืนยันเมื่อ {thaiDateTime(s.confirmedAt)} โดย {actorName(s.confirmedBy)}
          {s.total !== null && <> · รวม {thaiNumber(s.total)} คน</>}
          <br />
          <span className="locked">ข้อมูลถูกล็อก หากต้องแก้ไข ให้{revokerOf[unit.kind]}ยกเลิกการยืนยันข้อมูลก่อน</span>
        </p>
      )}
      {!s.confirmed && s.revokedAt && (
        <p>
          ยกเลิกการยืนยันเมื่อ {thaiDateTime(s.revokedAt)} โดย {actorName(s.revokedBy)} เหตุผล:{' '}
          {s.revocationReason ?? '–'}
        </p>
      )}
    </>
  );
}

export function BulkResult({ result }: { result: BulkResultView }) {
  return (
    <div role="status" className="alert alert-info">
      <p>สำเร็จ {thaiNumber(result.done.length)} รายการ</p>
      {result.done.length > 0 && (
        <ul>
          {result.done.map((c) => (
            <li key={c.id}>{datasetLabels[c.dataset]}</li>
          ))}
        </ul>
      )}
      {result.failed.length > 0 && (
        <>
          <p>ไม่สำเร็จ {thaiNumber(result.failed.length)} รายการ</p>
          <ul>
            {result.failed.map((f) => (
              <li key={`${f.orgUnit.code}-${f.dataset}`}>
                {f.orgUnit.name} · {datasetLabels[f.dataset]}: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface Props {
  unit: UnitRef;
  /** Only the unit itself confirms; everyone else reads. */
  own: boolean;
  /** What is being confirmed, shown before the final click (e.g. pupils per grade). */
  summary?: (status: DatasetStatusView) => ReactNode;
}

/** The unit's own datasets for the current round: status, and confirm with a summary first. */
export function ConfirmPanel({ unit, own, summary }: Props) {
  const { data, loading, error } = useQuery(CONFIRMATION_STATUS, { variables: { orgUnitCode: unit.code } });
  const [asking, setAsking] = useState<Dataset | null>(null);
  const [confirm, confirmState] = useMutation(CONFIRM, { refetchQueries: 'active' });
  const [confirmReady, readyState] = useMutation(CONFIRM_READY, { refetchQueries: 'active' });
  const status = data?.confirmationStatus;

  if (loading && !data) return <Loading />;
  if (error) return <ProblemBox problem={problemOf(error)} title="ยังแสดงสถานะการยืนยันข้อมูลไม่ได้" />;
  if (!status) return <Notice>ยังไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่ จึงยังยืนยันข้อมูลไม่ได้</Notice>;

  const doConfirm = async (dataset: Dataset) => {
    const res = await confirm({ variables: { orgUnitCode: unit.code, dataset } }).catch(() => null);
    if (res?.data) setAsking(null);
  };
  const round = `?roundId=${encodeURIComponent(status.round.id)}`;
  const anyConfirmed = status.datasets.some((d) => d.confirmed);
  const report = !anyConfirmed ? null : status.orgUnit.kind === 'LAO' ? (
    <a
      className="button button-small"
      href={`/reports/lao-summary/${encodeURIComponent(unit.code)}.pdf${round}`}
    >
      พิมพ์สรุปข้อมูลที่ยืนยันแล้ว (PDF)
    </a>
  ) : isInstitution(status.orgUnit.kind) ? (
    <a
      className="button button-small"
      href={`/reports/confirmed-name-list/${encodeURIComponent(unit.code)}.pdf${round}`}
    >
      พิมพ์รายชื่อที่ยืนยันแล้ว (PDF)
    </a>
  ) : null;

  return (
    <Section title="ยืนยันข้อมูล" actions={report}>
      <p className="muted">{roundTitle(status.round)}</p>
      <ProblemBox problem={problemOf(confirmState.error ?? readyState.error)} />
      {confirmState.data && !confirmState.error && (
        <Notice kind="ok">
          ยืนยัน{datasetLabels[confirmState.data.confirm.dataset]}เรียบร้อยแล้ว
          {confirmState.data.confirm.total !== null && (
            <> รวม {thaiNumber(confirmState.data.confirm.total)} คน</>
          )}
        </Notice>
      )}
      {status.datasets.length === 0 && <p className="muted">หน่วยงานนี้ไม่มีฐานข้อมูลที่ต้องยืนยัน</p>}
      <div className="dataset-list">
        {status.datasets.map((s) => (
          <article key={s.dataset} className="dataset" aria-labelledby={`ds-${s.dataset}`}>
            <h3 id={`ds-${s.dataset}`}>{datasetLabels[s.dataset]}</h3>
            <DatasetStatusLines s={s} unit={status.orgUnit} />
            {own && s.confirmed && status.orgUnit.kind !== 'DEPARTMENT' && (
              <RevocationRequestForm
                orgUnitCode={unit.code}
                dataset={s.dataset}
                unitName={status.orgUnit.name}
              />
            )}
            {!s.confirmed && !s.ready && s.missing.length > 0 && (
              <div className="missing" id={`missing-${s.dataset}`}>
                <p>
                  {s.waitsOnRecords
                    ? `ยืนยันได้เมื่อบันทึกจำนวนนักเรียนของสถานศึกษาต่อไปนี้แล้ว (${thaiNumber(s.missing.length)} แห่ง):`
                    : `ยืนยันได้เมื่อหน่วยงานต่อไปนี้ยืนยันครบแล้ว (${thaiNumber(s.missing.length)} แห่ง):`}
                </p>
                <ul>
                  {s.missing.map((m) => (
                    <li key={m.code}>
                      <Link href={`/units/${encodeURIComponent(m.code)}`}>{m.name}</Link> ({m.code})
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {own && !s.confirmed && asking !== s.dataset && (
              <button
                type="button"
                className="button button-primary"
                disabled={!s.ready}
                aria-describedby={!s.ready && s.missing.length > 0 ? `missing-${s.dataset}` : undefined}
                onClick={() => setAsking(s.dataset)}
              >
                ยืนยัน{datasetLabels[s.dataset]}
              </button>
            )}
            {own && asking === s.dataset && (
              <div className="confirm-summary" role="group" aria-label="สรุปข้อมูลที่จะยืนยัน">
                <h4>สรุปข้อมูลที่จะยืนยัน</h4>
                <p>
                  {status.orgUnit.name} · {datasetLabels[s.dataset]} · {roundTitle(status.round)}
                </p>
                {summary ? summary(s) : <ChildrenTotals status={status} dataset={s.dataset} />}
                <ChangesSince orgUnitCode={unit.code} dataset={s.dataset} />
                <p className="locked">
                  เมื่อยืนยันแล้ว ข้อมูลจะถูกล็อก หากต้องแก้ไขภายหลัง ต้องให้{revokerOf[status.orgUnit.kind]}ยกเลิกการยืนยันก่อน
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={confirmState.loading}
                    onClick={() => doConfirm(s.dataset)}
                  >
                    ยืนยันข้อมูลตามนี้
                  </button>
                  <button type="button" className="button" onClick={() => setAsking(null)}>
                    ยกเลิก
                  </button>
                </div>
              </div>
            )}
          </article>
        ))}
      </div>
      {own && status.datasets.length > 1 && (
        <ConfirmAll
          status={status}
          summary={summary}
          loading={readyState.loading}
          onConfirm={() => confirmReady({ variables: { orgUnitCode: unit.code } }).catch(() => null)}
        />
      )}
      {readyState.data && <BulkResult result={readyState.data.confirmReady} />}
    </Section>
  );
}

/** What an LAO or province confirms: its children's confirmed figures for the dataset (the server sums them). */
export function ChildrenTotals({ status, dataset }: { status: ConfirmationStatusView; dataset: Dataset }) {
  const rows = status.children.flatMap((c) => {
    const d = c.datasets.find((x) => x.dataset === dataset);
    return d ? [{ unit: c.orgUnit, total: d.total }] : [];
  });
  if (rows.length === 0) return null;
  const counted = rows.some((r) => r.total !== null);
  return (
    <table className="counts">
      <caption>ข้อมูลที่หน่วยงานในสังกัดยืนยันแล้ว</caption>
      <thead>
        <tr>
          <th scope="col">หน่วยงาน</th>
          {counted && <th scope="col">จำนวน (คน)</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.unit.code}>
            <th scope="row">{r.unit.name}</th>
            {counted && <td>{thaiNumber(r.total)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
