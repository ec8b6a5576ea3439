import type { EventMetadata } from '../../event-store/event';
import type { EventStore } from '../../event-store/event-store.service';
import { LecError } from '../../shared/errors';
import { isWithin } from '../access/policy';
import type { Viewer } from '../access/viewer';
import { revocationRequestDecider } from './revocation-request.decider';
import { revocationRequestStreamId } from './revocation-request.events';
import { checkReason } from './revocation-request.rules';
import { mustActOn, requestById, type RevocationRequestView } from './revocation-requests.reads';

/** The level that must act (or one above it) says no to a revocation request, with a reason. */
export async function refuseRevocationRequest(
  store: EventStore,
  viewer: Viewer,
  requestId: string,
  reason: string,
  metadata: EventMetadata,
): Promise<RevocationRequestView> {
  const why = checkReason(reason);
  return store.transaction(async (tx) => {
    const request = await requestById(tx, requestId);
    if (!request) throw new LecError('NOT_FOUND', 'ไม่พบคำขอยกเลิกการยืนยันนี้');
    const [unit] = await tx.query(
      `SELECT code, kind, province_code AS "provinceCode", lao_code AS "laoCode" FROM org_units WHERE code = $1`,
      [request.orgUnitCode],
    );
    if (!isWithin(viewer.orgUnit, unit) || viewer.orgUnit.code === request.orgUnitCode)
      throw new LecError('FORBIDDEN', 'ท่านไม่มีสิทธิ์พิจารณาคำขอนี้');
    const actor = await mustActOn(tx, request);
    if (actor && actor.code !== viewer.orgUnit.code && viewer.orgUnit.kind !== 'DEPARTMENT') {
      const [actorUnit] = await tx.query(
        `SELECT code, kind, province_code AS "provinceCode", lao_code AS "laoCode" FROM org_units WHERE code = $1`,
        [actor.code],
      );
      if (!isWithin(viewer.orgUnit, actorUnit))
        throw new LecError('FORBIDDEN', `คำขอนี้รอ ${actor.name} (${actor.code}) พิจารณา`);
    }
    await store.decide(
      tx,
      revocationRequestStreamId(requestId),
      revocationRequestDecider,
      {
        type: 'RefuseRevocationRequest',
        reason: why,
        refusedByUnitCode: viewer.orgUnit.code,
        answeredByRevocation: request.status === 'REVOKED',
      },
      metadata,
    );
    return (await requestById(tx, requestId))!;
  });
}
