import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { CONFIRMATION_STATUS, REVOKE, REVOKE_CONFIRMATIONS } from '../graphql/confirmations';
import { TARGET_STATUS, type TargetStatusView } from '../graphql/levels';
import type { UnitView } from '../graphql/org-units';
import { problemOf } from '../lib/errors';
import { Link } from '../lib/router';
import { datasetLabels, kindLabels, thaiDate, thaiNumber, type Dataset } from '../lib/thai';
import { roundTitle, StatusBadge } from './confirm-panel';
import { RevocationRequestForm } from './revocation-request-form';
import { ReviewCounts } from './review-lists';
import { Badge, Field, Loading, Notice, ProblemBox, Section, SelectField } from './ui';

const key = (code: string, dataset: Dataset) => `${code}|${dataset}`;
type SortKey = 'name' | 'district' | 'pending' | 'code';

interface Props {
  unit: UnitView;
  title: string;
  /** The viewer is this unit or above it: it may revoke its children's confirmations. */
  canRevoke: boolean;
}

/**
 * The unit's direct children with their confirmation status per dataset against the deadline;
 * each child opens its own page. The level above revokes confirmations here, with a reason.
 */
export function ChildrenStatus({ unit, title, canRevoke }: Props) {
  const { data, loading, error } = useQuery(CONFIRMATION_STATUS, { variables: { orgUnitCode: unit.code } });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [filter, setFilter] = useState<'ALL' | 'PENDING' | 'CONFIRMED'>('ALL');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [lastTargets, setLastTargets] = useState<{ orgUnitCode: string; dataset: Dataset }[]>([]);
  const [lastReason, setLastReason] = useState('');
  const [revokeOne, one] = useMutation(REVOKE, { refetchQueries: 'active' });
  const [revokeMany, many] = useMutation(REVOKE_CONFIRMATIONS, { refetchQueries: 'active' });
  const status = data?.confirmationStatus ?? null;
  // The province's own targets, per child (read apart from the status: not cached with it).
  const targets = useQuery(TARGET_STATUS, { variables: { orgUnitCode: unit.code }, fetchPolicy: 'no-cache' });
  const extras = targets.data?.confirmationStatus?.children ?? [];
  const targetOf = new Map(extras.map((c) => [c.orgUnit.code, c.provinceTarget]));
  const reviewOf = new Map(extras.map((c) => [c.orgUnit.code, c.reviewCounts]));
  const byCode = new Map(status?.children.map((c) => [c.orgUnit.code, c.datasets]) ?? []);
  const children = unit.children.filter((c) => c.kind !== 'OTHER_SCHOOL');

  const oneKind = children.every((c) => c.kind === children[0]?.kind);
  const needle = search.trim();
  const shown = children.filter((c) => {
    const ds = byCode.get(c.code) ?? [];
    if (needle && !c.name.includes(needle) && !c.code.startsWith(needle)) return false;
    if (filter === 'PENDING') return ds.some((d) => !d.confirmed);
    if (filter === 'CONFIRMED') return ds.length > 0 && ds.every((d) => d.confirmed);
    return true;
  });
  const pendingOf = (code: string) => (byCode.get(code) ?? []).filter((d) => !d.confirmed).length;
  const lateOf = (code: string) => (byCode.get(code) ?? []).filter((d) => !d.confirmed && d.late).length;
  const sorted = [...shown].sort((a, b) => {
    const byName = a.name.localeCompare(b.name, 'th');
    if (sort === 'district') return (a.district ?? '').localeCompare(b.district ?? '', 'th') || byName;
    if (sort === 'pending')
      return lateOf(b.code) - lateOf(a.code) || pendingOf(b.code) - pendingOf(a.code) || byName;
    if (sort === 'code') return a.code.localeCompare(b.code);
    return byName;
  });
  const toggle = (k: string) => {
    const next = new Set(picked);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setPicked(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const targets = [...picked].map((k) => {
      const [orgUnitCode, dataset] = k.split('|');
      return { orgUnitCode, dataset: dataset as Dataset };
    });
    setLastTargets(targets);
    setLastReason(reason);
    const res =
      targets.length === 1
        ? await revokeOne({ variables: { ...targets[0], reason } }).catch(() => null)
        : await revokeMany({ variables: { targets, reason } }).catch(() => null);
    if (res?.data) {
      setPicked(new Set());
      setReason('');
    }
  };
  const confirmedCount = children.filter((c) => {
    const ds = byCode.get(c.code) ?? [];
    return ds.length > 0 && ds.every((d) => d.confirmed);
  }).length;
  // A revocation that waits on the level above (PARENT_CONFIRMED) is told by the server who must act.
  const refusal = problemOf(one.error ?? many.error);
  const problem = refusal;

  return (
    <Section title={title}>
      {loading && !data && <Loading />}
      {error && <ProblemBox problem={problemOf(error)} title="ยังแสดงสถานะการยืนยันข้อมูลไม่ได้" />}
      {!loading && !error && !status && <Notice>ยังไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่</Notice>}
      {status && (
        <p className="muted">
          {roundTitle(status.round)} · ยืนยันครบทุกฐานข้อมูลแล้ว {thaiNumber(confirmedCount)} จาก{' '}
          {thaiNumber(children.length)} แห่ง
        </p>
      )}
      <div className="toolbar">
        {children.length > 10 && (
          <Field
            label="ค้นหาด้วยชื่อหรือรหัส"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        )}
        <SelectField
          label="แสดง"
          value={filter}
          onChange={(e) => setFilter(e.target.value as typeof filter)}
          options={[
            ['ALL', 'ทั้งหมด'],
            ['PENDING', 'ยังไม่ยืนยัน'],
            ['CONFIRMED', 'ยืนยันครบแล้ว'],
          ]}
        />
        <SelectField
          label="เรียงตาม"
          value={sort}
          onChange={(e) => setSort(e.target.value as SortKey)}
          options={[
            ['name', 'ชื่อหน่วยงาน'],
            ...(children.some((c) => c.district) ? [['district', 'อำเภอ'] as [string, string]] : []),
            ['pending', 'ยังไม่ยืนยัน / เลยกำหนด ก่อน'],
            ['code', 'รหัสหน่วยงาน'],
          ]}
        />
      </div>
      <div className="table-wrap">
        <table className="stack">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">หน่วยงาน</th>
              <th scope="col">สถานะการยืนยันข้อมูล</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((c) => {
              const ds = byCode.get(c.code) ?? [];
              return (
                <tr key={c.code}>
                  <th scope="row">
                    <Link href={`/units/${c.code}`}>{c.name}</Link>
                    <small className="muted block">
                      {oneKind ? '' : `${kindLabels[c.kind]} · `}
                      {c.code}
                      {c.district ? ` · ${c.district}` : ''}
                    </small>
                    <TargetLine target={targetOf.get(c.code) ?? null} />
                    <ReviewCounts c={reviewOf.get(c.code)} />
                  </th>
                  <td>
                    {ds.length === 0 && <span className="muted">{status ? 'ไม่มีฐานข้อมูลที่ต้องยืนยัน' : '–'}</span>}
                    <ul className="plain status-lines">
                      {ds.map((d) => (
                        <li key={d.dataset}>
                          {canRevoke && !d.confirmed && <span className="check-space" />}
                          {canRevoke && d.confirmed && (
                            <input
                              type="checkbox"
                              aria-label={`เลือก ${c.name} ${datasetLabels[d.dataset]} เพื่อยกเลิกการยืนยัน`}
                              checked={picked.has(key(c.code, d.dataset))}
                              onChange={() => toggle(key(c.code, d.dataset))}
                            />
                          )}{' '}
                          {datasetLabels[d.dataset]}: <StatusBadge s={d} />
                          {d.total !== null && d.confirmed && <> {thaiNumber(d.total)} คน</>}
                          {d.deadline && <small className="muted"> · ภายในวันที่ {thaiDate(d.deadline)}</small>}
                          {!d.confirmed && d.revocationReason && (
                            <small className="muted block">เหตุผลที่ยกเลิก: {d.revocationReason}</small>
                          )}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {canRevoke && status && (
        <form className="revoke-form" onSubmit={submit}>
          <h3>ยกเลิกการยืนยันข้อมูล</h3>
          <p className="muted">
            เลือกรายการที่ยืนยันแล้วในตาราง แล้วระบุเหตุผล (เลือกไว้ {thaiNumber(picked.size)} รายการ)
          </p>
          <ProblemBox problem={problem} />
          {refusal?.code === 'PARENT_CONFIRMED' && lastTargets.length === 1 && (
            <div className="alert alert-info">
              <p>ส่งคำขอให้ระดับที่ต้องดำเนินการยกเลิกการยืนยันแทนได้:</p>
              <RevocationRequestForm
                orgUnitCode={lastTargets[0].orgUnitCode}
                dataset={lastTargets[0].dataset}
                unitName={
                  children.find((c) => c.code === lastTargets[0].orgUnitCode)?.name ??
                  lastTargets[0].orgUnitCode
                }
                initialReason={lastReason}
              />
            </div>
          )}
          {(one.data || many.data) && !problem && <Notice kind="ok">ยกเลิกการยืนยันข้อมูลเรียบร้อยแล้ว</Notice>}
          {many.data && many.data.revokeConfirmations.failed.length > 0 && (
            <ProblemBox
              problem={{
                message: many.data.revokeConfirmations.failed
                  .map((f) => `${f.orgUnit.name}: ${f.message}`)
                  .join(' · '),
                fields: {},
              }}
            />
          )}
          <Field
            label="เหตุผลที่ยกเลิกการยืนยัน"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
          />
          <button
            type="submit"
            className="button button-danger"
            disabled={picked.size === 0 || !reason.trim() || one.loading || many.loading}
          >
            ยกเลิกการยืนยันข้อมูลที่เลือก
          </button>
        </form>
      )}
    </Section>
  );
}

/** The unit against the province's own earlier target: flagged like a deadline. */
function TargetLine({ target }: { target: TargetStatusView | null }) {
  if (!target) return null;
  return (
    <small className="block">
      กำหนดของจังหวัด {thaiDate(target.date)}{' '}
      {target.late ? (
        <Badge tone="bad">เลยกำหนดของจังหวัด</Badge>
      ) : (
        <span className="muted">(อีก {thaiNumber(target.daysLeft)} วัน)</span>
      )}
    </small>
  );
}
