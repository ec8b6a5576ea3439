import { CombinedGraphQLErrors } from '@apollo/client';

export interface Problem {
  code?: string;
  message: string;
  /** Per-field Thai messages from `extensions.fields` (BAD_USER_INPUT and friends). */
  fields: Record<string, string>;
}

const OFFLINE = 'ติดต่อระบบไม่ได้ กรุณาตรวจสอบการเชื่อมต่อแล้วลองใหม่อีกครั้ง';

/** The server's first refusal as it sent it: its code, its Thai message, its field messages. */
export function problemOf(error: unknown): Problem | null {
  if (!error) return null;
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const ext = (first?.extensions ?? {}) as { code?: string; fields?: Record<string, string> };
    return { code: ext.code, message: first?.message ?? OFFLINE, fields: ext.fields ?? {} };
  }
  return { message: OFFLINE, fields: {} };
}

/** A refusal of the plain HTTP routes (imports, name lists): `{ code, message, fields? }`. */
export async function problemOfResponse(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as { code?: string; message?: string; fields?: Record<string, string> };
    return { code: body.code, message: body.message ?? OFFLINE, fields: body.fields ?? {} };
  } catch {
    return { message: OFFLINE, fields: {} };
  }
}
