/**
 * A failed start in one readable sentence. PGlite (WebAssembly) may throw plain objects or
 * emscripten exit statuses rather than Errors; `String(e)` would print "[object Object]".
 */
export function describeStartError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; status?: unknown; code?: unknown; name?: unknown };
    if (typeof o.message === 'string' && o.message) return o.message;
    const parts = [o.name, o.code, o.status].filter((v) => v !== undefined).map(String);
    if (parts.length) return `embedded database stopped (${parts.join(' ')})`;
    try {
      return JSON.stringify(e).slice(0, 500);
    } catch {
      return Object.prototype.toString.call(e);
    }
  }
  return String(e);
}
