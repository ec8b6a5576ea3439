import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { DatasetEnum } from '../confirmation/confirmation.types';
import type { Dataset } from '../chain/dataset';
import type { AuditDiscrepancy } from './figures-replay';

const discrepancyKinds = [
  'FROZEN_MISMATCH',
  'PART_NOT_IN_FORCE',
  'REVOKED_UNDER_CONFIRMED',
  'READ_MODEL_MISMATCH',
] as const;
export const DiscrepancyKindEnum = enumOf(discrepancyKinds);
registerEnumType(DiscrepancyKindEnum, {
  name: 'FiguresDiscrepancyKind',
  description:
    'FROZEN_MISMATCH ตัวเลขที่ยืนยันไม่ตรงกับเหตุการณ์ ณ เวลาที่ยืนยัน, PART_NOT_IN_FORCE ยืนยันอยู่ทั้งที่หน่วยงานที่นับรวมไม่ได้ยืนยันอยู่, ' +
    'REVOKED_UNDER_CONFIRMED ยกเลิกการยืนยันขณะที่ระดับบนยังยืนยันอยู่, READ_MODEL_MISMATCH ตารางสรุปไม่ตรงกับการสร้างซ้ำจากเหตุการณ์',
});

@ObjectType({ description: 'ความคลาดเคลื่อนที่การตรวจสอบตัวเลขพบ' })
export class FiguresDiscrepancy {
  @Field(() => DiscrepancyKindEnum) kind: AuditDiscrepancy['kind'];
  @Field(() => ID, { nullable: true, description: 'ว่าง: ทะเบียนปัจจุบัน (ไม่ใช่ของรอบ)' }) roundId: string | null;
  @Field() orgUnitCode: string;
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field(() => Int, { nullable: true, description: 'ตามเหตุการณ์' }) expected: number | null;
  @Field(() => Int, { nullable: true, description: 'ที่บันทึกไว้' }) actual: number | null;
  @Field() message: string;
}

@ObjectType({ description: 'ผลการตรวจสอบตัวเลขที่ยืนยันแล้วทุกระดับกับการสร้างซ้ำจากเหตุการณ์' })
export class FiguresAudit {
  @Field(() => ID, { nullable: true }) roundId: string | null;
  @Field(() => Int) eventsReplayed: number;
  @Field(() => Int, { description: 'การยืนยันทุกครั้งที่ตรวจ (ทุกรอบ)' }) confirmationsChecked: number;
  @Field(() => Int, { description: 'การยืนยันที่มีผลอยู่ (ของรอบที่ขอ)' }) confirmationsInForce: number;
  @Field(() => [FiguresDiscrepancy]) discrepancies: FiguresDiscrepancy[];
  @Field({ description: 'ไม่พบความคลาดเคลื่อน' }) ok: boolean;
}
