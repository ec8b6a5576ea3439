import { useState, type ReactNode } from 'react';
import type { ConfirmationStatusView, DatasetStatusView } from '../graphql/confirmations';
import { datasetLabels, revokerOf, thaiNumber } from '../lib/thai';
import { ChangesSince } from './changes-since';
import { ChildrenTotals, roundTitle } from './confirm-panel';

interface Props {
  status: ConfirmationStatusView;
  summary?: (status: DatasetStatusView) => ReactNode;
  loading: boolean;
  onConfirm: () => void;
}

/**
 * "Confirm every dataset that is ready": the same summary as one confirmation, for each dataset it
 * will confirm, before the one click that confirms them all (each recorded apart by the server).
 */
export function ConfirmAll({ status, summary, loading, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const ready = status.datasets.filter((d) => d.ready && !d.confirmed);
  if (!asking)
    return (
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={ready.length === 0}
          onClick={() => setAsking(true)}
        >
          ยืนยันทุกฐานข้อมูลที่พร้อม ({thaiNumber(ready.length)})
        </button>
      </div>
    );
  return (
    <div className="confirm-summary" role="group" aria-label="สรุปข้อมูลทุกฐานข้อมูลที่จะยืนยัน">
      <h4>สรุปข้อมูลที่จะยืนยัน ({thaiNumber(ready.length)} ฐานข้อมูล)</h4>
      <p>
        {status.orgUnit.name} · {roundTitle(status.round)}
      </p>
      {ready.map((d) => (
        <section key={d.dataset} aria-label={datasetLabels[d.dataset]}>
          <h5>{datasetLabels[d.dataset]}</h5>
          {summary ? summary(d) : <ChildrenTotals status={status} dataset={d.dataset} />}
          <ChangesSince orgUnitCode={status.orgUnit.code} dataset={d.dataset} />
        </section>
      ))}
      <p className="locked">
        เมื่อยืนยันแล้ว ข้อมูลจะถูกล็อก หากต้องแก้ไขภายหลัง ต้องให้{revokerOf[status.orgUnit.kind]}ยกเลิกการยืนยันก่อน
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={loading}
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          ยืนยันทุกรายการตามนี้
        </button>
        <button type="button" className="button" onClick={() => setAsking(false)}>
          ยกเลิก
        </button>
      </div>
    </div>
  );
}
