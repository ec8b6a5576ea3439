import { randomBytes, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import { OrgUnitRow } from '../org-units/org-unit.entity';
import { RoundRow } from '../rounds/round.entity';
import { spotCheckDecider } from './spot-check.decider';
import { spotCheckStreamId } from './spot-check.events';
import type { PopulationMember } from './sampling';
import { isInstitution } from '../chain/org-unit-kind';

export interface DrawSpotCheckInput {
  provinceCode: string;
  sampleSize: number;
  /** Institutions of the province to draw from; none: all of them. */
  institutionCodes?: string[] | null;
}

/**
 * The province draws pupils at random from its institutions during the open round (DOMAIN.md,
 * Confirmation rule 7; guideline 10.3). The seed is 16 bytes from the operating system's CSPRNG,
 * drawn here and recorded in the event, so the draw can be repeated but not chosen.
 */
export async function drawSpotCheck(
  store: EventStore,
  input: DrawSpotCheckInput,
  metadata: EventMetadata,
): Promise<string> {
  const spotCheckId = randomUUID();
  await store.transaction(async (tx) => {
    const round = await tx.findOneBy(RoundRow, { status: 'OPEN' });
    if (!round)
      throw new LecError('NO_OPEN_ROUND', 'สุ่มตรวจสอบได้ในช่วงที่เปิดรอบการบันทึกข้อมูลเท่านั้น ขณะนี้ไม่มีรอบที่เปิดอยู่');
    const chosen = [...new Set(input.institutionCodes ?? [])];
    let institutions: OrgUnitRow[];
    if (chosen.length) {
      institutions = await tx.findBy(OrgUnitRow, { code: In(chosen) });
      const found = new Map(institutions.map((u) => [u.code, u]));
      const bad = chosen.filter((c) => {
        const u = found.get(c);
        return !u || u.provinceCode !== input.provinceCode || !isInstitution(u.kind);
      });
      if (bad.length)
        throw badInput({
          institutionCodes: `ไม่พบโรงเรียนหรือศูนย์พัฒนาเด็กเล็กรหัส ${bad.join(', ')} ในจังหวัดนี้`,
        });
    } else {
      institutions = await tx.findBy(OrgUnitRow, {
        provinceCode: input.provinceCode,
        kind: In(['SCHOOL', 'CDC']),
      });
    }
    const population: PopulationMember[] = (
      await tx.query(
        `SELECT id, institution_code FROM pupils WHERE status = 'ACTIVE' AND institution_code = ANY($1::varchar[])`,
        [institutions.map((u) => u.code)],
      )
    ).map((r: { id: string; institution_code: string }) => ({
      pupilId: r.id,
      institutionCode: r.institution_code,
    }));
    await store.decide(
      tx,
      spotCheckStreamId(spotCheckId),
      spotCheckDecider,
      {
        type: 'DrawSpotCheck',
        spotCheckId,
        provinceCode: input.provinceCode,
        roundId: round.id,
        seed: randomBytes(16).toString('hex'),
        requestedSize: input.sampleSize,
        institutionCodes: chosen,
        population,
      },
      metadata,
    );
  });
  return spotCheckId;
}
