import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { GradeEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { PublicUnitKind } from './published-table';

const publicUnitKinds: readonly PublicUnitKind[] = [
  'COUNTRY',
  'PROVINCE',
  'DISTRICT',
  'LAO',
  'SCHOOL',
  'CDC',
];
export const PublicUnitKindEnum = enumOf(publicUnitKinds);
registerEnumType(PublicUnitKindEnum, {
  name: 'PublicUnitKind',
  description: 'ระดับของหน่วยในข้อมูลเผยแพร่: ประเทศ จังหวัด อำเภอ อปท. โรงเรียน ศพด.',
});

@ObjectType({
  description: 'ช่องหนึ่งของข้อมูลเผยแพร่: ตัวเลข หรือปกปิด (<5 = 1–4 คน, x = ปกปิดเพิ่มเพื่อไม่ให้คำนวณย้อนกลับได้)',
})
export class PublicCell {
  @Field(() => Int, { nullable: true, description: 'null เมื่อปกปิด' }) value: number | null;
  @Field({ description: 'สิ่งที่แสดง: ตัวเลข, "<5" หรือ "x"' }) shown: string;
  @Field() suppressed: boolean;
}

@ObjectType({ description: 'จำนวนหนึ่งระดับชั้น (เขตพื้นที่: แยกชาย หญิง; สถานศึกษา: รวมเท่านั้น)' })
export class PublicGradeCounts {
  @Field(() => GradeEnum) grade: Grade;
  @Field() label: string;
  @Field(() => PublicCell, { nullable: true }) male: PublicCell | null;
  @Field(() => PublicCell, { nullable: true }) female: PublicCell | null;
  @Field(() => PublicCell) total: PublicCell;
}

@ObjectType({ description: 'ตัวเลขที่ยืนยันแล้วของหน่วยหนึ่ง ตามที่เผยแพร่' })
export class PublicUnitCounts {
  @Field() code: string;
  @Field() name: string;
  @Field(() => PublicUnitKindEnum) kind: PublicUnitKind;
  @Field(() => String, { nullable: true }) parentCode: string | null;
  @Field(() => Date, { nullable: true, description: 'เวลาที่ยืนยันข้อมูล (ล่าสุดของหน่วยนี้); อำเภอและประเทศเป็นผลรวม' })
  confirmedAt: Date | null;
  @Field(() => PublicCell, { nullable: true }) male: PublicCell | null;
  @Field(() => PublicCell, { nullable: true }) female: PublicCell | null;
  @Field(() => PublicCell) total: PublicCell;
  @Field(() => [PublicGradeCounts], { description: 'ทุกระดับชั้น รวมที่เป็น 0' }) grades: PublicGradeCounts[];
}

@ObjectType({ description: 'รอบที่ปิดแล้วและเผยแพร่ตัวเลข' })
export class PublicRound {
  @Field(() => ID) id: string;
  @Field(() => Int) academicYear: number;
  @Field(() => Int) roundNo: number;
  @Field() snapshotDate: string;
  @Field(() => Date) closedAt: Date;
  @Field(() => Date, { nullable: true, description: 'การยืนยันล่าสุดที่ตัวเลขนี้สะท้อน' }) confirmedAt: Date | null;
}

@ObjectType({
  description: 'ข้อมูลเผยแพร่ (ไม่ต้องเข้าสู่ระบบ): ตัวเลขที่ยืนยันแล้วของรอบที่ปิดแล้ว ไม่มีชื่อ เลขประจำตัว หรือวันเกิด',
})
export class PublicCounts {
  @Field(() => PublicRound) round: PublicRound;
  @Field(() => [PublicRound], { description: 'ทุกรอบที่เผยแพร่ ล่าสุดก่อน' }) rounds: PublicRound[];
  @Field({ description: 'คำอธิบายการปกปิด' }) suppressionNote: string;
  @Field(() => PublicUnitCounts) unit: PublicUnitCounts;
  @Field(() => [PublicUnitCounts], { description: 'หน่วยในสังกัดโดยตรง: จังหวัด / อำเภอ / อปท. / สถานศึกษา' })
  children: PublicUnitCounts[];
}
