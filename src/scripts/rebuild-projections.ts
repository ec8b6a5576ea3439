import 'reflect-metadata';
import { loadConfig } from '../shared/config';
import { targetFromConfig } from '../db/data-source';
import { rebuildProjections } from '../event-store/rebuild';
import { describeStartError } from '../shared/start-error';
import { openSystem } from '../system';

/** `npm run projections:rebuild`: empties every read model and replays the whole event log. */
async function main() {
  const system = await openSystem(targetFromConfig(loadConfig(), 'npm run projections:rebuild'));
  try {
    const started = Date.now();
    const { events } = await rebuildProjections(system.store, {
      onProgress: (p) =>
        console.log(
          `  ${p.done}/${p.total} events, ${Math.round(p.done / p.seconds)} events/s (${p.seconds.toFixed(1)} s)`,
        ),
    });
    console.log(
      `สร้างข้อมูลสรุปใหม่จากเหตุการณ์ ${events} รายการ ใน ${Date.now() - started} ms (projections rebuilt from ${events} events, ${Math.round(events / ((Date.now() - started) / 1000))} events/s)`,
    );
  } finally {
    await system.close();
  }
}

main().catch((e) => {
  console.error(`projections:rebuild: ${describeStartError(e)}`);
  process.exit(1);
});
