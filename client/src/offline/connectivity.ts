/**
 * Whether the server can be reached, from what the device has seen rather than from
 * `navigator.onLine` alone. That flag only says a network interface is up: on a weak connection
 * (a school's shared 4G, a captive portal) it stays true while every request fails, and Chromium
 * reports it true on a page the service worker served while offline. So a request that cannot
 * reach the server marks it unreachable, and only an answer from the server (`/healthz`, which the
 * service worker never answers from its cache) marks it reachable again.
 */

const PROBE_EVERY_MS = 5_000;
const PROBE_TIMEOUT_MS = 8_000;

let reachable = navigator.onLine;
let timer: ReturnType<typeof setInterval> | null = null;
let probing: Promise<boolean> | null = null;
const listeners = new Set<(reachable: boolean) => void>();

function set(next: boolean): void {
  // While out of reach, ask again every few seconds: the "online" event does not come when the
  // interface never went down (a weak signal), only the server's answer tells.
  if (next && timer) {
    clearInterval(timer);
    timer = null;
  }
  if (!next && !timer) timer = setInterval(() => void probeServer(), PROBE_EVERY_MS);
  if (next === reachable) return;
  reachable = next;
  for (const fn of listeners) fn(next);
}

export function isReachable(): boolean {
  return reachable;
}

/** Called with the new state whenever it changes; returns the unsubscribe. */
export function onReachabilityChange(fn: (reachable: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** A request failed without any answer: the server is out of reach until a probe says otherwise. */
export function markUnreachable(): void {
  set(false);
}

/** Asks the server itself (never a cache); one probe at a time. */
export function probeServer(): Promise<boolean> {
  probing ??= (async () => {
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), PROBE_TIMEOUT_MS);
    try {
      const res = await fetch('/healthz', { cache: 'no-store', signal: abort.signal });
      set(res.ok);
    } catch {
      set(false);
    } finally {
      clearTimeout(timeout);
      probing = null;
    }
    return reachable;
  })();
  return probing;
}

/** Follows the browser's own events and probes once at start (the page may have opened offline). */
export function startConnectivityWatch(): void {
  window.addEventListener('offline', () => set(false));
  window.addEventListener('online', () => void probeServer());
  void probeServer();
}
