import type { EntityManager } from 'typeorm';
import type { Projection } from '../../src/event-store/projection';

/** Every row of every projection table, in a stable order, for comparing two states. */
export async function snapshotReadModels(
  m: EntityManager,
  projections: readonly Projection[],
): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of projections.flatMap((p) => p.tables)) {
    // Ordered by the whole row, so tables with composite keys compare in a stable order too.
    out[table] = await m.query(`SELECT * FROM "${table}" t ORDER BY t::text`);
  }
  return out;
}
