import type { OtherSchoolCountsRecorded } from '../other-schools/other-school.events';
import type { OrgUnitRegistered } from '../org-units/org-unit.events';
import type { OrgUnitKind } from '../chain/org-unit-kind';
import { confirmingLevels, isAbove, levelBelow, levelOf } from '../chain/levels';
import { applyToRegister, type RegisterEntry } from '../pupils/register-fold';
import type { CdcBasicDataRecorded } from '../cdc-basic-data/cdc.events';
import type {
  ConfirmationRevoked,
  DatasetConfirmed,
  GradeSexCount,
} from '../confirmation/confirmation.events';
import { sumCounts } from '../confirmation/confirmation.reads';
import { datasetLabels, isFirstHolder, specOf, type Dataset } from '../chain/dataset';

/** What the audit found wrong, with the unit, the dataset and both numbers. */
export interface AuditDiscrepancy {
  kind: 'FROZEN_MISMATCH' | 'PART_NOT_IN_FORCE' | 'REVOKED_UNDER_CONFIRMED' | 'READ_MODEL_MISMATCH';
  /** Null for the live register (not a round's). */
  roundId: string | null;
  orgUnitCode: string;
  dataset: Dataset;
  /** What the events say (a total; null when not a count). */
  expected: number | null;
  /** What is recorded (frozen in the event, or in the read model). */
  actual: number | null;
  message: string;
}

export interface StoredEvent {
  globalPosition: number;
  streamId: string;
  type: string;
  data: object;
}

interface InForce {
  roundId: string;
  code: string;
  dataset: Dataset;
  position: number;
  total: number | null;
  counts: GradeSexCount[];
  parts: string[];
}

interface Unit {
  kind: OrgUnitKind;
  laoCode: string | null;
  provinceCode: string | null;
}

const key = (roundId: string, code: string, dataset: Dataset) => `${roundId}|${code}|${dataset}`;
/** Counts as a comparable text: cells of 0 left out, in a fixed order (jsonb keeps its own key order). */
export function countsKey(counts: readonly GradeSexCount[]): string {
  return sumCounts([counts.filter((c) => c.count)])
    .map((c) => `${c.grade}|${c.sex}|${c.count}`)
    .join(',');
}
const sameCounts = (a: readonly GradeSexCount[], b: readonly GradeSexCount[]) =>
  countsKey(a) === countsKey(b);
const totalOf = (counts: readonly GradeSexCount[]) => counts.reduce((n, c) => n + c.count, 0);

/**
 * The figures of record recomputed from the event log alone, one event at a time in log order: the
 * unit tree, every institution's register (its own stream, folded as the projections fold it), the
 * funded schools' latest counts, the centres' basic-data versions, and every confirmation in force.
 * Each confirmation is checked against what the events say at that moment (DOMAIN.md,
 * Confirmation 6): an institution's against its register, an LAO's funded-school counts against
 * its records, a level above against the sum of the parts in force below it.
 */
export class FiguresReplay {
  readonly discrepancies: AuditDiscrepancy[] = [];
  readonly units = new Map<string, Unit>();
  readonly registers = new Map<string, Map<string, RegisterEntry>>();
  private readonly funded = new Map<string, GradeSexCount[]>();
  private readonly basicData = new Map<string, number>();
  readonly inForce = new Map<string, InForce>();
  /** The units under each LAO and province. */
  private readonly under = new Map<string, string[]>();
  confirmationsChecked = 0;

  feed(e: StoredEvent): void {
    switch (e.type) {
      case 'OrgUnitRegistered': {
        const d = (e as unknown as OrgUnitRegistered).data;
        this.units.set(d.code, { kind: d.kind, laoCode: d.laoCode, provinceCode: d.provinceCode });
        for (const above of [d.laoCode, d.provinceCode])
          if (above && above !== d.code) this.under.set(above, [...(this.under.get(above) ?? []), d.code]);
        return;
      }
      case 'OtherSchoolCountsRecorded': {
        const d = (e as unknown as OtherSchoolCountsRecorded).data;
        this.funded.set(
          d.schoolCode,
          d.counts.flatMap((g) => [
            { grade: g.grade, sex: 'MALE' as const, count: g.male },
            { grade: g.grade, sex: 'FEMALE' as const, count: g.female },
          ]),
        );
        return;
      }
      case 'CdcBasicDataRecorded': {
        const d = (e as unknown as CdcBasicDataRecorded).data;
        this.basicData.set(d.cdcCode, d.version);
        return;
      }
      case 'DatasetConfirmed':
        return this.confirmed(e.globalPosition, (e as unknown as DatasetConfirmed).data);
      case 'ConfirmationRevoked':
        return this.revoked((e as unknown as ConfirmationRevoked).data);
    }
    if (e.streamId.startsWith('Institution-')) {
      const code = e.streamId.slice('Institution-'.length);
      const register = this.registers.get(code) ?? new Map<string, RegisterEntry>();
      this.registers.set(code, register);
      applyToRegister(register, e);
    }
  }

  private flag(d: Omit<AuditDiscrepancy, 'message'>, what: string): void {
    const unit = `${d.orgUnitCode} ${datasetLabels[d.dataset]} รอบ ${d.roundId}`;
    this.discrepancies.push({
      ...d,
      message: `${unit}: ${what} (ตามเหตุการณ์ ${d.expected ?? '-'}, ที่บันทึก ${d.actual ?? '-'})`,
    });
  }

  /** The units directly below a unit whose confirmations in force it sums, with theirs. */
  private partsInForce(roundId: string, code: string, kind: OrgUnitKind, dataset: Dataset): InForce[] {
    const partKind = levelBelow(levelOf(kind)) === 'INSTITUTION' ? specOf(dataset).sourceKind : 'LAO';
    const out: InForce[] = [];
    for (const c of this.under.get(code) ?? [])
      if (this.units.get(c)?.kind === partKind) {
        const f = this.inForce.get(key(roundId, c, dataset));
        if (f) out.push(f);
      }
    return out.sort((a, b) => (a.code < b.code ? -1 : 1));
  }

  private confirmed(position: number, d: DatasetConfirmed['data']): void {
    this.confirmationsChecked += 1;
    const unit = this.units.get(d.orgUnitCode);
    const base = { roundId: d.roundId, orgUnitCode: d.orgUnitCode, dataset: d.dataset };
    const frozen = { ...base, actual: d.total };
    let parts: string[] = [];
    if (!unit)
      this.flag({ ...frozen, kind: 'FROZEN_MISMATCH', expected: null }, 'ยืนยันโดยหน่วยงานที่ไม่มีในทะเบียนหน่วยงาน');
    else if (isFirstHolder(unit.kind, d.dataset)) {
      const spec = specOf(d.dataset);
      if (spec.source === 'REGISTER') {
        const active = [...(this.registers.get(d.orgUnitCode) ?? new Map<string, RegisterEntry>())].filter(
          ([, p]) => p.active,
        );
        const counts = sumCounts([active.map(([, p]) => ({ grade: p.grade, sex: p.sex, count: 1 }))]);
        const ids = active.map(([id]) => id).sort();
        if (d.total !== active.length || !sameCounts(counts, d.counts))
          this.flag(
            { ...frozen, kind: 'FROZEN_MISMATCH', expected: active.length },
            'จำนวนที่ยืนยันไม่ตรงกับทะเบียน ณ เวลาที่ยืนยัน',
          );
        else if (d.pupilIds && JSON.stringify([...d.pupilIds].sort()) !== JSON.stringify(ids))
          this.flag(
            { ...frozen, kind: 'FROZEN_MISMATCH', expected: active.length },
            'รายชื่อที่ยืนยันไม่ตรงกับทะเบียน ณ เวลาที่ยืนยัน',
          );
      } else if (spec.source === 'BASIC_DATA') {
        const version = this.basicData.get(d.orgUnitCode) ?? null;
        if (version !== (d.basicDataVersion ?? null))
          this.flag(
            { ...base, kind: 'FROZEN_MISMATCH', expected: version, actual: d.basicDataVersion ?? null },
            'ฉบับของข้อมูลพื้นฐานที่ยืนยันไม่ใช่ฉบับล่าสุด ณ เวลาที่ยืนยัน',
          );
      } else {
        const schools = [...this.units].filter(
          ([, u]) => u.kind === spec.sourceKind && u.laoCode === d.orgUnitCode,
        );
        const counts = sumCounts(schools.map(([c]) => this.funded.get(c) ?? []));
        if (d.total !== totalOf(counts) || !sameCounts(counts, d.counts))
          this.flag(
            { ...frozen, kind: 'FROZEN_MISMATCH', expected: totalOf(counts) },
            'จำนวนที่ยืนยันไม่ตรงกับจำนวนที่บันทึกของสถานศึกษาสังกัดอื่น',
          );
      }
    } else {
      const below = this.partsInForce(d.roundId, d.orgUnitCode, unit.kind, d.dataset);
      parts = below.map((p) => p.code);
      const counts = sumCounts(below.map((p) => p.counts));
      const counted = specOf(d.dataset).section !== null;
      const expected = counted ? below.reduce((n, p) => n + (p.total ?? 0), 0) : null;
      const listed = (d.parts ?? []).map((p) => p.code).sort();
      if (
        d.total !== expected ||
        !sameCounts(counts, d.counts) ||
        JSON.stringify(listed) !== JSON.stringify(parts)
      )
        this.flag(
          { ...frozen, kind: 'FROZEN_MISMATCH', expected },
          'จำนวนที่ยืนยันไม่เท่ากับผลรวมของหน่วยงานในสังกัดที่ยืนยันอยู่',
        );
    }
    this.inForce.set(key(d.roundId, d.orgUnitCode, d.dataset), {
      ...{ roundId: d.roundId, code: d.orgUnitCode, dataset: d.dataset },
      position,
      total: d.total,
      counts: d.counts,
      parts,
    });
  }

  private revoked(d: ConfirmationRevoked['data']): void {
    const own = this.inForce.get(key(d.roundId, d.orgUnitCode, d.dataset));
    const unit = this.units.get(d.orgUnitCode);
    const above = unit && confirmingLevels.find((l) => isAbove(l, levelOf(unit.kind)));
    const parentCode = above === 'LAO' ? unit?.laoCode : above === 'PROVINCE' ? unit?.provinceCode : null;
    const parent = parentCode ? this.inForce.get(key(d.roundId, parentCode, d.dataset)) : undefined;
    if (own && parent?.parts.includes(d.orgUnitCode))
      this.flag(
        {
          roundId: d.roundId,
          orgUnitCode: d.orgUnitCode,
          dataset: d.dataset,
          kind: 'REVOKED_UNDER_CONFIRMED',
          expected: null,
          actual: own.total,
        },
        `ยกเลิกการยืนยันขณะที่ ${parentCode} ซึ่งนับรวมไว้ยังยืนยันอยู่`,
      );
    this.inForce.delete(key(d.roundId, d.orgUnitCode, d.dataset));
  }

  /** After the last event: every confirmation in force above must still stand on parts in force. */
  finish(): void {
    for (const f of this.inForce.values())
      for (const part of f.parts) {
        const p = this.inForce.get(key(f.roundId, part, f.dataset));
        if (!p || p.position > f.position)
          this.flag(
            {
              roundId: f.roundId,
              orgUnitCode: f.code,
              dataset: f.dataset,
              kind: 'PART_NOT_IN_FORCE',
              expected: null,
              actual: f.total,
            },
            `ยืนยันอยู่ทั้งที่ ${part} ซึ่งนับรวมไว้ไม่ได้ยืนยันอยู่แล้ว`,
          );
      }
  }
}
