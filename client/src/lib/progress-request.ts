import { offlineProblem, problemOfBody, type Problem } from './errors';

/** How far a long request has come: the upload's bytes, then the server's phases (rows). */
export type Step =
  | { kind: 'upload'; loaded: number; total: number }
  | { kind: 'server'; phase: string; done: number; total: number | null };

export type Outcome<T> = { ok: true; result: T } | { ok: false; problem: Problem };

/**
 * POSTs and follows the work: XMLHttpRequest for the upload's progress (fetch cannot tell it),
 * and `Accept: application/x-ndjson`, so the server answers with `{"progress": …}` lines as it
 * reads, checks and commits rows, then `{"result": …}` or `{"error": …}`
 * (src/http/progress-stream.ts). A refusal before the first line is a plain JSON answer.
 */
export function postWithProgress<T>(url: string, body: FormData | undefined, onStep: (s: Step) => void) {
  return new Promise<Outcome<T>>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/x-ndjson');
    let seen = 0;
    let outcome: Outcome<T> | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return;
      for (const line of text.slice(seen, end).split('\n')) {
        if (!line.trim()) continue;
        let m: {
          progress?: { phase: string; done: number; total: number | null };
          result?: T;
          error?: unknown;
        };
        try {
          m = JSON.parse(line);
        } catch {
          continue;
        }
        if (m.progress) onStep({ ...m.progress, kind: 'server' });
        else if ('result' in m) outcome = { ok: true, result: m.result as T };
        else if (m.error) outcome = { ok: false, problem: problemOfBody(m.error) };
      }
      seen = end + 1;
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onStep({ kind: 'upload', loaded: e.loaded, total: e.total });
    };
    xhr.onprogress = () => {
      if (xhr.getResponseHeader('content-type')?.startsWith('application/x-ndjson')) readLines();
    };
    xhr.onload = () => {
      if (xhr.getResponseHeader('content-type')?.startsWith('application/x-ndjson')) {
        readLines();
        resolve(outcome ?? { ok: false, problem: offlineProblem() });
        return;
      }
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's page): said as the line being down.
      }
      if (xhr.status >= 200 && xhr.status < 300 && parsed) resolve({ ok: true, result: parsed as T });
      else resolve({ ok: false, problem: parsed ? problemOfBody(parsed) : offlineProblem() });
    };
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve({ ok: false, problem: offlineProblem() });
    xhr.send(body ?? null);
  });
}
