import type { EntityManager } from 'typeorm';
import type { Projection } from '../../src/event-store/projection';

/** Every row of every projection table, in a stable order, for comparing two states. */
export async function snapshotReadModels(
  m: EntityManager,
  projections: readonly Projection[],
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of projections.flatMap((p) => p.tables)) {
    out[table] = await m.query(`SELECT * FROM "${table}" ORDER BY 1`);
  }
  return out;
}
