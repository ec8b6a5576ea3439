import { performance } from 'node:perf_hooks';

/** Milliseconds per phase of an import, for the log line and the benchmark. */
export type Timings = Record<string, number>;

/** `lap(name)` adds the time since the previous lap (or the start) to `name`. */
export function phaseTimer(into?: Timings): (name: string) => void {
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    if (into) into[name] = Math.round((into[name] ?? 0) + now - last);
    last = now;
  };
}
