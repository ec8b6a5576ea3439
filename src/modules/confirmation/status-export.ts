import type { EntityManager } from 'typeorm';
import { thaiDate, thaiTime } from '../../shared/pdf/thai-date';
import type { ExportTable } from '../../shared/table-file';
import { kindLabels, type OrgUnitKind } from '../chain/org-unit-kind';
import type { UnitConfirmationStatusView } from './confirmation-status.view';
import { datasetLabels } from '../chain/dataset';

const HEADERS = [
  'รหัสหน่วยงาน',
  'ชื่อหน่วยงาน',
  'ประเภท',
  'ฐานข้อมูล',
  'สถานะ',
  'จำนวนที่ยืนยัน',
  'ยืนยันเมื่อ',
  'ผู้ยืนยัน',
  'ภายในวันที่',
  'ล่าช้า',
  'หน่วยงานในสังกัดที่ยังไม่ยืนยัน',
  'ยกเลิกการยืนยันล่าสุดเมื่อ',
  'เหตุผลที่ยกเลิก',
];

const when = (at: Date | null) => (at ? `${thaiDate(at, { short: true })} ${thaiTime(at)}` : '');

/** The confirmation status of a unit and its direct children as a sheet, one row per unit and dataset. */
export async function confirmationStatusTable(
  tx: EntityManager,
  statuses: UnitConfirmationStatusView[],
): Promise<ExportTable> {
  const codes = statuses.map((s) => s.orgUnitCode);
  const missing = statuses.flatMap((s) => s.datasets.flatMap((d) => d.missingCodes));
  const units: { code: string; name: string; kind: OrgUnitKind }[] = await tx.query(
    `SELECT code, name, kind FROM org_units WHERE code = ANY($1::varchar[])`,
    [[...new Set([...codes, ...missing])]],
  );
  const people: { key: string; name: string }[] = await tx.query(
    `SELECT a.id || '|' || coalesce(p.id, '') AS key,
            a.username || coalesce(' ' || p.first_name || ' ' || p.last_name, '') AS name
       FROM confirmations c JOIN accounts a ON a.id = c.confirmed_by_account
       LEFT JOIN profiles p ON p.id = c.confirmed_by_profile
      WHERE c.org_unit_code = ANY($1::varchar[])`,
    [codes],
  );
  const unit = new Map(units.map((u) => [u.code, u]));
  const person = new Map(people.map((p) => [p.key, p.name]));
  const rows = statuses.flatMap((s) =>
    s.datasets.map((d) => {
      const u = unit.get(s.orgUnitCode);
      return [
        s.orgUnitCode,
        u?.name ?? '',
        u ? kindLabels[u.kind] : '',
        datasetLabels[d.dataset],
        d.confirmed ? 'ยืนยันแล้ว' : d.ready ? 'ยังไม่ยืนยัน (พร้อมยืนยัน)' : 'ยังไม่ยืนยัน (รอหน่วยงานในสังกัด)',
        d.total === null ? '' : String(d.total),
        when(d.confirmedAt),
        d.confirmedByKey ? (person.get(d.confirmedByKey) ?? '') : '',
        d.deadline ? thaiDate(d.deadline, { short: true }) : '',
        d.late ? 'ล่าช้า' : '',
        d.missingCodes.map((c) => unit.get(c)?.name ?? c).join(', '),
        when(d.revokedAt),
        d.revocationReason ?? '',
      ];
    }),
  );
  return { headers: HEADERS, rows };
}
