import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { REQUEST_REVOCATION } from '../graphql/levels';
import { problemOf } from '../lib/errors';
import { datasetLabels, type Dataset } from '../lib/thai';
import { Field, Notice, ProblemBox } from './ui';

/**
 * A confirmed unit (or an LAO for its school) asks the level that must revoke: the request goes
 * into that level's tasks, and its answer comes back here and in the history.
 */
export function RevocationRequestForm({
  orgUnitCode,
  dataset,
  unitName,
  initialReason = '',
}: {
  orgUnitCode: string;
  dataset: Dataset;
  unitName: string;
  initialReason?: string;
}) {
  const [open, setOpen] = useState(Boolean(initialReason));
  const [reason, setReason] = useState(initialReason);
  const [send, { data, loading, error }] = useMutation(REQUEST_REVOCATION, { refetchQueries: 'active' });
  const problem = problemOf(error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await send({ variables: { orgUnitCode, dataset, reason: reason.trim() } }).catch(() => null);
  };
  if (data)
    return (
      <Notice kind="ok">
        ส่งคำขอให้ยกเลิกการยืนยัน{datasetLabels[dataset]}ของ {unitName} ถึง{' '}
        {data.requestRevocation.mustActOrgUnit?.name ?? data.requestRevocation.addressedToOrgUnit.name} แล้ว
        รอการพิจารณา
      </Notice>
    );
  if (!open)
    return (
      <button type="button" className="button button-small" onClick={() => setOpen(true)}>
        ขอให้ยกเลิกการยืนยัน<span className="sr-only"> {datasetLabels[dataset]}</span>
      </button>
    );
  return (
    <form
      className="request-form"
      onSubmit={submit}
      noValidate
      aria-label={`ขอให้ยกเลิกการยืนยัน${datasetLabels[dataset]} ${unitName}`}
    >
      <ProblemBox problem={problem} />
      <Field
        label="เหตุผลที่ขอให้ยกเลิกการยืนยัน (เช่น ต้องแก้ไขข้อมูลใด)"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={problem?.fields.reason}
        required
      />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={loading}>
          ส่งคำขอ
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
