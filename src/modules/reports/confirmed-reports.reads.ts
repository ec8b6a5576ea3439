import { In, type EntityManager } from 'typeorm';
import { LecError } from '../../shared/errors';
import { AccountRow, ProfileRow } from '../accounts/account.entity';
import type { ConfirmedPart, GradeSexCount } from '../confirmation/confirmation.events';
import { datasetsOfSection, recordedCountsDataset, registerDataset, specOf } from '../chain/dataset';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { PupilRow } from '../pupils/pupil.entity';
import type { PupilEvent } from '../pupils/pupil.events';
import { foldRegister } from '../pupils/register-fold';
import { gradeLabels, grades, type Grade } from '../pupils/rules/grades';
import { sexLabels } from '../pupils/rules/name-prefixes';
import { ageOn } from '../../shared/thai-calendar';
import { RoundRow } from '../rounds/round.entity';
import type { ConfirmedNameListData } from './confirmed-name-list.pdf';
import type { LaoSummaryData, SummaryCount } from './lao-summary.pdf';
import { citizenIdFor, formatPupilId } from '../pupils/rules/citizen-id';
import { seesWholeCitizenId } from '../access/policy';

/** The round a document is asked for: the one named, else the open one, else the latest. */
export async function roundOf(m: EntityManager, roundId: string | null): Promise<RoundRow> {
  const round = roundId
    ? await m.findOneBy(RoundRow, { id: roundId })
    : ((await m.findOneBy(RoundRow, { status: 'OPEN' })) ??
      (await m.findOne(RoundRow, { where: {}, order: { academicYear: 'DESC', roundNo: 'DESC' } })));
  if (!round)
    throw new LecError('NOT_FOUND', roundId ? `ไม่พบรอบการบันทึกข้อมูล ${roundId}` : 'ยังไม่มีรอบการบันทึกข้อมูล');
  return round;
}

async function personOf(m: EntityManager, accountId: string | null, profileId: string | null) {
  const profile = profileId ? await m.findOneBy(ProfileRow, { id: profileId }) : null;
  if (profile) return { name: `${profile.firstName} ${profile.lastName}`, position: profile.position };
  const account = accountId ? await m.findOneBy(AccountRow, { id: accountId }) : null;
  return { name: account?.username ?? 'ระบบ', position: null };
}

/** The unit's responsible person now: the profile in force on its account. */
async function responsibleOf(m: EntityManager, code: string) {
  const account = await m.findOneBy(AccountRow, { orgUnitCode: code });
  const p = account?.profileId ? await m.findOneBy(ProfileRow, { id: account.profileId }) : null;
  return p && { name: `${p.firstName} ${p.lastName}`, position: p.position };
}

const gradeOrder = (g: Grade) => grades.indexOf(g);

/**
 * An institution's confirmed name list: the pupils whose ids the confirmation in force froze
 * (read from its DatasetConfirmed event), with their names as the register holds them.
 */
export async function confirmedNameListOf(
  m: EntityManager,
  unit: OrgUnitRow & { kind: 'SCHOOL' | 'CDC' },
  round: RoundRow,
  looker: { code: string },
  printedAt: Date,
): Promise<ConfirmedNameListData> {
  const [c]: {
    confirmed_at: Date;
    confirmed_by_account: string | null;
    confirmed_by_profile: string | null;
    confirmed_position: string;
    counts: GradeSexCount[];
    pupil_ids: string[] | null;
  }[] = await m.query(
    `SELECT c.confirmed_at, c.confirmed_by_account, c.confirmed_by_profile, c.confirmed_position, c.counts,
            e.data->'pupilIds' AS pupil_ids
       FROM confirmations c JOIN events e ON e.global_position = c.confirmed_position
      WHERE c.round_id = $1 AND c.org_unit_code = $2 AND c.dataset = $3 AND c.confirmed`,
    [round.id, unit.code, registerDataset(unit.kind)],
  );
  if (!c)
    throw new LecError(
      'NOT_FOUND',
      `${unit.name} ยังไม่มีข้อมูลที่ยืนยันแล้วในรอบ ${round.id} (ยังไม่ยืนยัน หรือถูกยกเลิกการยืนยัน)`,
    );
  const ids = c.pupil_ids ?? [];
  // Grade and sex as they stood when confirmed (a later promotion or correction does not change
  // a past round's list): the institution's events up to the confirmation, folded.
  const history: Pick<PupilEvent, 'type' | 'data'>[] = await m.query(
    `SELECT type, data FROM events WHERE stream_id = $1 AND global_position <= $2 ORDER BY stream_version`,
    [`Institution-${unit.code}`, c.confirmed_position],
  );
  const then = foldRegister(history);
  const pupils = (ids.length ? await m.findBy(PupilRow, { id: In(ids) }) : []).map((p) => ({
    ...p,
    ...(then.has(p.id) ? { grade: then.get(p.id)!.grade, sex: then.get(p.id)!.sex } : {}),
  }));
  pupils.sort(
    (a, b) =>
      gradeOrder(a.grade) - gradeOrder(b.grade) ||
      a.firstName.localeCompare(b.firstName, 'th') ||
      a.lastName.localeCompare(b.lastName, 'th'),
  );
  const [lao, province] = await Promise.all([
    unit.laoCode ? m.findOneBy(OrgUnitRow, { code: unit.laoCode }) : null,
    unit.provinceCode ? m.findOneBy(OrgUnitRow, { code: unit.provinceCode }) : null,
  ]);
  const totals = new Map<Grade, { grade: string; male: number; female: number }>();
  for (const n of [...c.counts].sort((a, b) => gradeOrder(a.grade) - gradeOrder(b.grade))) {
    const t = totals.get(n.grade) ?? { grade: gradeLabels[n.grade].short, male: 0, female: 0 };
    if (n.sex === 'MALE') t.male += n.count;
    else t.female += n.count;
    totals.set(n.grade, t);
  }
  return {
    kind: unit.kind,
    institution: { code: unit.code, name: unit.name },
    laoName: lao?.name ?? null,
    district: unit.district ?? lao?.district ?? null,
    provinceName: province?.name ?? null,
    round: { academicYear: round.academicYear, roundNo: round.roundNo, snapshotDate: round.snapshotDate },
    confirmedAt: new Date(c.confirmed_at),
    confirmedBy: await personOf(m, c.confirmed_by_account, c.confirmed_by_profile),
    printedAt,
    masked: !seesWholeCitizenId(looker, unit.code),
    entries: pupils.map((p) => ({
      pupilId: citizenIdFor(looker, unit.code, p.citizenId, formatPupilId),
      name: `${p.prefix}${p.firstName} ${p.lastName}`,
      sex: sexLabels[p.sex],
      grade: p.grade === 'CDC' ? `${ageOn(p.birthDate, round.snapshotDate)} ปี` : gradeLabels[p.grade].short,
    })),
    totals: [...totals.values()],
  };
}

/** Grade × sex counts as the summary's rows by grade (male and female side by side). */
function byGrade(list: readonly GradeSexCount[]): SummaryCount[] {
  const counts = new Map<Grade, SummaryCount>();
  for (const n of list) {
    const t = counts.get(n.grade) ?? { grade: n.grade, male: 0, female: 0 };
    if (n.sex === 'MALE') t.male += n.count;
    else t.female += n.count;
    counts.set(n.grade, t);
  }
  return [...counts.values()];
}

/**
 * An LAO's summary: each school's and CDC's confirmation in force in the round, by grade and sex,
 * and the funded schools of another affiliation as the LAO's own confirmation in force froze them.
 */
export async function laoSummaryOf(
  m: EntityManager,
  lao: OrgUnitRow,
  round: RoundRow,
  printedAt: Date,
): Promise<LaoSummaryData> {
  const registers = datasetsOfSection('REGISTER');
  const kinds = [...new Set(registers.map((d) => specOf(d).sourceKind))];
  const institutions = await m.find(OrgUnitRow, {
    where: { laoCode: lao.code, kind: In(kinds) },
    order: { code: 'ASC' },
  });
  const rows: { code: string; confirmed_at: Date; counts: GradeSexCount[] }[] = institutions.length
    ? await m.query(
        `SELECT org_unit_code AS code, confirmed_at, counts FROM confirmations
          WHERE round_id = $1 AND confirmed AND dataset = ANY($3::varchar[]) AND org_unit_code = ANY($2::varchar[])`,
        [round.id, institutions.map((i) => i.code), registers],
      )
    : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const funded = await m.find(OrgUnitRow, {
    where: { laoCode: lao.code, kind: specOf(recordedCountsDataset()).sourceKind },
    order: { code: 'ASC' },
  });
  const [own]: { confirmed_at: Date; parts: ConfirmedPart[] | null }[] = funded.length
    ? await m.query(
        `SELECT confirmed_at, parts FROM confirmations
          WHERE round_id = $1 AND org_unit_code = $2 AND dataset = $3 AND confirmed`,
        [round.id, lao.code, recordedCountsDataset()],
      )
    : [];
  const parts = new Map((own?.parts ?? []).map((p) => [p.code, p]));
  const province = lao.provinceCode ? await m.findOneBy(OrgUnitRow, { code: lao.provinceCode }) : null;
  return {
    lao: { code: lao.code, name: lao.name, laoType: lao.laoType },
    district: lao.district,
    provinceName: province?.name ?? null,
    round: { academicYear: round.academicYear, roundNo: round.roundNo, snapshotDate: round.snapshotDate },
    printedAt,
    responsible: await responsibleOf(m, lao.code),
    institutions: institutions.map((i) => {
      const r = byCode.get(i.code);
      return {
        code: i.code,
        name: i.name,
        confirmedAt: r ? new Date(r.confirmed_at) : null,
        counts: byGrade(r?.counts ?? []),
      };
    }),
    fundedSchools: funded.map((f) => {
      const part = parts.get(f.code);
      return {
        code: f.code,
        name: f.name,
        confirmedAt: part && own ? new Date(own.confirmed_at) : null,
        // Confirmations made before parts carried their counts: the total only, under no grade.
        counts: part?.counts ? byGrade(part.counts) : [],
        total: part?.total ?? null,
      };
    }),
  };
}
