import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../access/context';
import { hitRateLimit, tooManyRequests, type RateLimit } from '../../http/rate-limit';
import { LecError } from '../../shared/errors';
import { gradeLabels } from '../pupils/rules/grades';
import { clientKey, DEFAULT_OPEN_DATA_RATE_LIMIT, noRelease } from './open-data.route';
import { PublicCounts } from './open-data.types';
import type { PublicCell, PublicRound, PublicUnitCounts } from './open-data.types';
import { COUNTRY_CODE, type PublishedUnit, type ShownValue } from './published-table';
import {
  listReleases,
  releaseMeta,
  servedRelease,
  SUPPRESSION_NOTE,
  type ReleaseMeta,
} from './release.reads';

const cell = (v: ShownValue): PublicCell =>
  typeof v === 'number'
    ? { value: v, shown: String(v), suppressed: false }
    : { value: null, shown: v, suppressed: true };

/** Converted once per published unit (the release does not change): the reads only pick them. */
const converted = new WeakMap<PublishedUnit, PublicUnitCounts>();

function unitCounts(u: PublishedUnit): PublicUnitCounts {
  let out = converted.get(u);
  if (!out) {
    out = convert(u);
    converted.set(u, out);
  }
  return out;
}

function convert(u: PublishedUnit): PublicUnitCounts {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentCode: u.parentCode,
    confirmedAt: u.confirmedAt ? new Date(u.confirmedAt) : null,
    male: u.total.male === null ? null : cell(u.total.male),
    female: u.total.female === null ? null : cell(u.total.female),
    total: cell(u.total.total),
    grades: u.grades.map((g) => ({
      grade: g.grade,
      label: gradeLabels[g.grade].short,
      male: g.male === null ? null : cell(g.male),
      female: g.female === null ? null : cell(g.female),
      total: cell(g.total),
    })),
  };
}

const roundOf = (m: ReleaseMeta): PublicRound => ({
  id: m.roundId,
  academicYear: m.academicYear,
  roundNo: m.roundNo,
  snapshotDate: m.snapshotDate,
  closedAt: new Date(m.closedAt),
  confirmedAt: m.confirmedAt ? new Date(m.confirmedAt) : null,
});

@Resolver()
export class OpenDataResolver {
  @Query(() => PublicCounts, {
    nullable: true,
    description:
      'ข้อมูลเผยแพร่ ไม่ต้องเข้าสู่ระบบ: ตัวเลขที่ยืนยันแล้วของรอบที่ปิดแล้ว (ค่าเริ่มต้น: รอบล่าสุด) ของหน่วย (ค่าเริ่มต้น: ประเทศ TH) ' +
      'และหน่วยในสังกัดโดยตรง ช่อง 1–4 แสดงเป็น <5 และปกปิดช่องอื่นเพิ่ม (x) ไม่ให้คำนวณย้อนกลับได้; null เมื่อยังไม่มีรอบที่ปิด',
  })
  async publicCounts(
    @Arg('roundId', () => ID, { nullable: true }) roundId: string | null | undefined,
    @Arg('orgUnitCode', () => String, {
      nullable: true,
      description: 'TH, รหัสจังหวัด, รหัสอำเภอ (จังหวัด:ชื่ออำเภอ) หรือรหัส อปท.',
    })
    orgUnitCode: string | null | undefined,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PublicCounts | null> {
    if (!ctx.viewer) {
      const limit =
        (ctx.req.app.locals.openDataRateLimit as RateLimit | undefined) ?? DEFAULT_OPEN_DATA_RATE_LIMIT;
      const hit = await hitRateLimit(ctx.dataSource, clientKey(ctx.req), limit);
      if (!hit.allowed) throw tooManyRequests(hit.resetSeconds);
    }
    const m = ctx.dataSource.manager;
    const meta = await releaseMeta(m, roundId);
    if (!meta) {
      if (roundId) throw noRelease(roundId);
      return null;
    }
    const served = await servedRelease(m, meta);
    const code = orgUnitCode || COUNTRY_CODE;
    const unit = served.byCode.get(code);
    if (!unit) throw new LecError('NOT_FOUND', `ไม่มีตัวเลขที่ยืนยันแล้วของหน่วย ${code} ในรอบ ${meta.roundId}`);
    return {
      round: roundOf(meta),
      rounds: (await listReleases(m)).map(roundOf),
      suppressionNote: SUPPRESSION_NOTE,
      unit: unitCounts(unit),
      children: (served.children.get(code) ?? []).map(unitCounts),
    };
  }
}
