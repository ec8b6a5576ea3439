import { badInput, LecError } from '../../shared/errors';
import type { OrgUnitKind } from '../chain/org-unit-kind';

/** A unit on the way up from the one whose confirmation is to be revoked, and whether it has confirmed. */
export interface ChainLink {
  code: string;
  name: string;
  kind: OrgUnitKind;
  confirmed: boolean;
}

/**
 * Who must act to revoke chain[0]'s confirmation (DOMAIN.md, Confirmation 2, 4, 5): revocation goes
 * top down, so the level above the topmost confirmation in an unbroken run from the unit upwards.
 * A school confirmed under an LAO not yet confirmed: the LAO. Under a confirmed LAO: the province
 * (it revokes the LAO first). Under a confirmed province too: the department. Null when the unit
 * has not confirmed (nothing to revoke).
 */
export function levelThatMustAct(chain: readonly ChainLink[]): ChainLink | null {
  if (!chain[0]?.confirmed) return null;
  let top = 0;
  while (top + 1 < chain.length && chain[top + 1].confirmed) top++;
  return chain[top + 1] ?? null;
}

/** What the unit that must act has to do first, in Thai: the confirmations in the way, top down. */
export function stepsFor(chain: readonly ChainLink[], actor: ChainLink): string {
  const inTheWay = chain
    .slice(
      0,
      chain.findIndex((l) => l.code === actor.code),
    )
    .reverse();
  return inTheWay.map((l) => `${l.name} (${l.code})`).join(' แล้วจึง ');
}

export function checkReason(reason: string, field = 'reason'): string {
  const r = reason.trim();
  if (!r) throw badInput({ [field]: 'กรุณาระบุเหตุผล' });
  if (r.length > 500) throw badInput({ [field]: `เหตุผลยาวเกิน 500 ตัวอักษร (กรอกมา ${r.length} ตัวอักษร)` });
  return r;
}

/**
 * Who may ask: the unit itself, or a level above it that cannot revoke it itself (an LAO for its
 * school once the LAO has confirmed). The level that must act revokes instead of asking.
 */
export function checkRequester(viewerCode: string, chain: readonly ChainLink[], actor: ChainLink): void {
  const at = chain.findIndex((l) => l.code === viewerCode);
  const actorAt = chain.findIndex((l) => l.code === actor.code);
  if (at < 0 || at > actorAt)
    throw new LecError('FORBIDDEN', 'ขอให้ยกเลิกการยืนยันได้เฉพาะหน่วยงานเจ้าของข้อมูล หรือหน่วยงานต้นสังกัดของหน่วยงานนั้น');
  if (at === actorAt)
    throw badInput(
      { orgUnitCode: 'ท่านยกเลิกการยืนยันนี้ได้เอง ไม่ต้องส่งคำขอ' },
      `${actor.name} เป็นหน่วยงานที่ยกเลิกการยืนยันนี้ได้เอง ใช้เมนูยกเลิกการยืนยันพร้อมเหตุผลแทนการส่งคำขอ`,
    );
}
