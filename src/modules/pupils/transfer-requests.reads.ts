import { In, type DataSource } from 'typeorm';
import { TransferRequestRow, type TransferRequestStatus } from './transfer-request.entity';
import type { TransferDirection } from './transfer-request.types';

const LIMIT = 500;

/**
 * Transfer requests of an institution (IN: it asked for a pupil, OUT: it is asked to let one go),
 * or of every institution of an LAO; open ones first, newest first.
 */
export async function listTransferRequests(
  ds: DataSource,
  args: {
    unit: { code: string; kind: string };
    direction?: TransferDirection | null;
    status?: TransferRequestStatus | null;
  },
): Promise<TransferRequestRow[]> {
  const params: unknown[] = [args.unit.code];
  const ofUnit = (column: string) =>
    args.unit.kind === 'LAO'
      ? `r.${column} IN (SELECT code FROM org_units WHERE lao_code = $1)`
      : `r.${column} = $1`;
  const sides = {
    IN: ofUnit('to_institution_code'),
    OUT: ofUnit('from_institution_code'),
  };
  const where = [args.direction ? sides[args.direction] : `(${sides.IN} OR ${sides.OUT})`];
  if (args.status) {
    params.push(args.status);
    where.push(`r.status = $${params.length}`);
  }
  const rows: { id: string }[] = await ds.query(
    `SELECT r.id FROM pupil_transfer_requests r WHERE ${where.join(' AND ')}
      ORDER BY (r.status = 'OPEN') DESC, r.requested_at DESC, r.id LIMIT ${LIMIT}`,
    params,
  );
  const byId = new Map(
    (await ds.getRepository(TransferRequestRow).findBy({ id: In(rows.map((r) => r.id)) })).map((r) => [
      r.id,
      r,
    ]),
  );
  return rows.map((r) => byId.get(r.id)!);
}
