import { CombinedGraphQLErrors } from '@apollo/client';

export interface Problem {
  code?: string;
  message: string;
  /** Per-field Thai messages from `extensions.fields` (BAD_USER_INPUT and friends). */
  fields: Record<string, string>;
}

const OFFLINE = 'ติดต่อระบบไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่อีกครั้ง';

/**
 * Field names as the forms know them: `input.sex` (a coercion error names the variable's path) is
 * also filed under `sex`, `counts.2.male` under `counts[2].male`, so each form finds its field.
 */
export function fieldsByName(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    const last = parts[parts.length - 1];
    if (parts.length > 1 && !(last in out)) out[last] = message;
    const indexed = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    if (!(indexed in out)) out[indexed] = message;
    const tail = indexed.replace(/^[a-zA-Z]+\./, '');
    if (!(tail in out)) out[tail] = message;
  }
  return out;
}

/** A Thai message as a person reads it: no English field names in brackets (`(queryNote)`). */
const cleanMessage = (m: string) => m.replace(/\s*\([A-Za-z][A-Za-z0-9_.[\]]*\)/g, '');

/** The server's first refusal as it sent it: its code, its Thai message, its field messages. */
export function problemOf(error: unknown): Problem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    // Coercion errors come one per bad variable (three bad cells of a grid: three errors); the
    // message is the first one's, the fields are every error's.
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as { code?: string };
    const fields = Object.assign(
      {},
      ...error.errors.map((e) => (e.extensions?.fields ?? {}) as Record<string, string>),
    ) as Record<string, string>;
    return {
      code: ext.code,
      message: cleanMessage(first?.message ?? OFFLINE),
      fields: fieldsByName(fields),
    };
  }
  return { message: OFFLINE, fields: {} };
}

/** A refusal's body as the plain HTTP routes send it: `{ code, message, fields? }`. */
export function problemOfBody(body: unknown): Problem {
  const b = (body ?? {}) as { code?: string; message?: string; fields?: Record<string, string> };
  return { code: b.code, message: b.message ?? OFFLINE, fields: b.fields ?? {} };
}

/** A refusal of the plain HTTP routes (imports, name lists): `{ code, message, fields? }`. */
export async function problemOfResponse(res: Response): Promise<Problem> {
  try {
    return problemOfBody(await res.json());
  } catch {
    return { message: OFFLINE, fields: {} };
  }
}

/** The answer when the server could not be reached at all. */
export const offlineProblem = (): Problem => ({ message: OFFLINE, fields: {} });
