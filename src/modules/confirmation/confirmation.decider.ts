import { badInput, LecError } from '../../shared/errors';
import { kindLabels, type OrgUnitKind } from '../chain/org-unit-kind';
import type { ConfirmationRevoked, ConfirmedFigures, DatasetConfirmed } from './confirmation.events';
import { confirmsAtAll, datasetLabels, specOf, waitsOnRecords, type Dataset } from '../chain/dataset';

export interface UnitRef {
  code: string;
  name: string;
  kind: OrgUnitKind;
}

export interface RoundRef {
  id: string;
  status: 'OPEN' | 'CLOSED';
}

/** What a confirmation is decided on, read inside the transaction that appends it. */
export interface ConfirmState {
  round: RoundRef | null;
  unit: UnitRef;
  viewerUnitCode: string;
  dataset: Dataset;
  /** Whether the unit holds the dataset at all. */
  holds: boolean;
  confirmed: boolean;
  /** Units below that hold the dataset and have not confirmed it (or funded schools without counts). */
  missing: UnitRef[];
  /** Null when there is nothing to confirm yet (a centre without basic data). */
  figures: ConfirmedFigures | null;
  deadline: string;
  today: string;
}

export interface RevokeState {
  round: RoundRef | null;
  unit: UnitRef;
  viewerUnitCode: string;
  /** The viewer's unit is above the unit in the hierarchy (its LAO, province or the department). */
  viewerIsAbove: boolean;
  dataset: Dataset;
  reason: string;
  confirmed: boolean;
  /** The level directly above, if it holds the dataset, and whether it has confirmed it. */
  parent: (UnitRef & { confirmed: boolean }) | null;
}

const MAX_LISTED = 10;

/** Names a list of units for a message: the first ten and how many more. */
export function listUnits(units: readonly UnitRef[]): string {
  const shown = units.slice(0, MAX_LISTED).map((u) => `${u.name} (${u.code})`);
  const more = units.length - shown.length;
  return shown.join(', ') + (more > 0 ? ` และอีก ${more} แห่ง` : '');
}

function requireOpenRound(round: RoundRef | null): RoundRef {
  if (!round)
    throw new LecError(
      'NO_OPEN_ROUND',
      'ขณะนี้ไม่มีรอบการบันทึกข้อมูลที่เปิดอยู่ จึงยืนยันหรือยกเลิกการยืนยันข้อมูลไม่ได้ รอให้กรมส่งเสริมการปกครองท้องถิ่นเปิดรอบ',
    );
  if (round.status !== 'OPEN')
    throw new LecError('ROUND_CLOSED', `รอบ ${round.id} ปิดแล้ว ยืนยันหรือยกเลิกการยืนยันข้อมูลในรอบนี้ไม่ได้`);
  return round;
}

/** DOMAIN.md, Confirmation 1, 3 and 5: a unit confirms its own dataset once everything below has. */
export function decideConfirm(s: ConfirmState): DatasetConfirmed[] {
  const round = requireOpenRound(s.round);
  const what = datasetLabels[s.dataset];
  if (s.viewerUnitCode !== s.unit.code || !confirmsAtAll(s.unit.kind))
    throw new LecError(
      'FORBIDDEN',
      `ยืนยันข้อมูลได้เฉพาะหน่วยงานเจ้าของข้อมูล: ${s.unit.name} (${s.unit.code}) ต้องเข้าสู่ระบบด้วยบัญชีของตนเพื่อยืนยัน`,
    );
  if (!s.holds)
    throw badInput(
      { dataset: `${s.unit.name} ไม่มี${what}ที่ต้องยืนยัน` },
      `${s.unit.name} (${kindLabels[s.unit.kind]}) ไม่มี${what}ที่ต้องยืนยัน`,
    );
  if (s.confirmed)
    throw new LecError(
      'DATA_CONFIRMED',
      `${what}ของ ${s.unit.name} ยืนยันแล้วในรอบ ${round.id} หากต้องแก้ไข หน่วยงานต้นสังกัดต้องยกเลิกการยืนยันก่อน`,
    );
  if (s.missing.length)
    throw new LecError(
      'NOT_READY',
      waitsOnRecords(s.unit.kind, s.dataset)
        ? `ยังยืนยัน${what}ไม่ได้: ${specOf(s.dataset).recordsMissing} ${listUnits(s.missing)}`
        : `ยังยืนยัน${what}ไม่ได้: หน่วยงานในสังกัด ${s.missing.length} แห่งยังไม่ได้ยืนยัน ได้แก่ ${listUnits(s.missing)}`,
      { missing: s.missing.map((u) => u.code) },
    );
  if (!s.figures)
    throw badInput(
      { dataset: 'ยังไม่ได้บันทึกข้อมูลพื้นฐานของศูนย์' },
      `ยังยืนยัน${what}ไม่ได้: ${s.unit.name} ยังไม่ได้บันทึกข้อมูลพื้นฐานของศูนย์ กรุณาบันทึกก่อน`,
    );
  return [
    {
      type: 'DatasetConfirmed',
      data: {
        roundId: round.id,
        orgUnitCode: s.unit.code,
        dataset: s.dataset,
        ...s.figures,
        deadline: s.deadline,
        late: s.today > s.deadline,
      },
    },
  ];
}

/** DOMAIN.md, Confirmation 2, 4 and 5: the level above revokes, top down, with a reason. */
export function decideRevoke(s: RevokeState): ConfirmationRevoked[] {
  const round = requireOpenRound(s.round);
  const what = datasetLabels[s.dataset];
  if (s.viewerUnitCode === s.unit.code)
    throw new LecError('FORBIDDEN', 'หน่วยงานยกเลิกการยืนยันข้อมูลของตนเองไม่ได้ ต้องให้หน่วยงานต้นสังกัดเป็นผู้ยกเลิกการยืนยัน');
  if (!s.viewerIsAbove)
    throw new LecError(
      'FORBIDDEN',
      `ยกเลิกการยืนยันข้อมูลของ ${s.unit.name} (${s.unit.code}) ได้เฉพาะหน่วยงานต้นสังกัดหรือระดับที่สูงกว่า`,
    );
  const reason = s.reason.trim();
  if (!reason) throw badInput({ reason: 'กรุณาระบุเหตุผลที่ยกเลิกการยืนยัน' });
  if (reason.length > 500) throw badInput({ reason: 'เหตุผลยาวเกิน 500 ตัวอักษร' });
  if (!s.confirmed)
    throw badInput(
      { dataset: `${s.unit.name} ยังไม่ได้ยืนยัน${what}ในรอบนี้` },
      `${s.unit.name} ยังไม่ได้ยืนยัน${what}ในรอบ ${round.id} จึงไม่มีการยืนยันให้ยกเลิก`,
    );
  if (s.parent?.confirmed) {
    // Say which level must act: the viewer's own confirmation is in the way only the level above it can revoke.
    const above = s.parent.kind === 'LAO' ? 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' : 'กรมส่งเสริมการปกครองท้องถิ่น';
    throw new LecError(
      'PARENT_CONFIRMED',
      s.viewerUnitCode === s.parent.code
        ? `${s.parent.name} (หน่วยงานของท่าน) ยืนยัน${what}แล้ว จึงยกเลิกการยืนยันของ ${s.unit.name} ไม่ได้ ` +
            `ต้องให้${above}ยกเลิกการยืนยันของ ${s.parent.name} ก่อน โดยส่งคำขอยกเลิกการยืนยันพร้อมเหตุผล`
        : `${s.parent.name} ยืนยัน${what}แล้ว ท่านต้องยกเลิกการยืนยันของ ${s.parent.name} ก่อน จึงจะยกเลิกการยืนยันของ ${s.unit.name} ได้`,
      { parentCode: s.parent.code },
    );
  }
  return [
    {
      type: 'ConfirmationRevoked',
      data: {
        roundId: round.id,
        orgUnitCode: s.unit.code,
        dataset: s.dataset,
        reason,
        revokedByUnitCode: s.viewerUnitCode,
      },
    },
  ];
}
