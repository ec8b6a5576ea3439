import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { Actor } from '../accounts/actor.types';
import { GradeEnum, SexEnum } from './pupil.types';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';
import { transferAnswerers, type TransferAnswerer } from './transfer-request.events';

export type TransferDirection = 'IN' | 'OUT';
export const TransferDirectionEnum = enumOf<TransferDirection>(['IN', 'OUT']);
registerEnumType(TransferDirectionEnum, {
  name: 'TransferDirection',
  description: 'IN คำขอที่สถานศึกษาขอรับนักเรียนย้ายเข้า, OUT คำขอที่สถานศึกษาอื่นขอให้นักเรียนย้ายออกไป',
});
export const TransferRequestStatusEnum = enumOf(['OPEN', 'ACCEPTED', 'REFUSED'] as const);
registerEnumType(TransferRequestStatusEnum, {
  name: 'TransferRequestStatus',
  description: 'OPEN รอคำตอบ, ACCEPTED ให้ย้ายแล้ว, REFUSED ไม่ให้ย้าย',
});
export const TransferAnswererEnum = enumOf(transferAnswerers);
registerEnumType(TransferAnswererEnum, {
  name: 'TransferAnswerer',
  description: 'ผู้ตอบคำขอย้าย: INSTITUTION สถานศึกษาที่มีชื่อนักเรียนอยู่, LAO อปท. ต้นสังกัดของสถานศึกษานั้น',
});

@ObjectType({ description: 'สถานศึกษาในคำขอย้าย' })
export class TransferParty {
  @Field() code: string;
  @Field(() => String, { nullable: true }) name: string | null;
}

@ObjectType({
  description: 'คำขอย้ายนักเรียน: สถานศึกษาที่รับนักเรียนขอให้สถานศึกษาเดิม (หรือ อปท. ต้นสังกัด) ให้นักเรียนย้ายออก',
})
export class TransferRequest {
  @Field(() => ID) id: string;
  @Field(() => TransferRequestStatusEnum) status: string;
  @Field({ description: 'เลขประจำตัวประชาชนหรือรหัส G (ปิดบางส่วน ยกเว้นสถานศึกษาทั้งสองแห่ง)' })
  citizenId: string;
  @Field() prefix: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => SexEnum) sex: Sex;
  @Field() birthDate: string;
  @Field(() => GradeEnum, { description: 'ชั้นที่จะเรียนที่สถานศึกษาที่รับ' }) grade: Grade;
  @Field(() => TransferParty, { description: 'สถานศึกษาเดิม (ที่มีชื่อนักเรียนอยู่)' }) from: TransferParty;
  @Field(() => TransferParty, { description: 'สถานศึกษาที่ขอรับนักเรียน' }) to: TransferParty;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() requestedAt: Date;
  @Field(() => Actor) requestedBy: Actor;
  @Field({ description: 'ควรตอบภายในวันนี้ (14 วันหลังขอ)' }) dueAt: Date;
  @Field({ description: 'ยังไม่ได้ตอบเกิน 14 วัน: อปท. ต้นสังกัดของสถานศึกษาเดิมควรตอบแทน' }) overdue: boolean;
  @Field(() => TransferAnswererEnum, { nullable: true }) answeredAs: TransferAnswerer | null;
  @Field(() => String, { nullable: true }) answerNote: string | null;
  @Field(() => Date, { nullable: true }) answeredAt: Date | null;
  @Field(() => Actor, { nullable: true }) answeredBy: Actor | null;
  @Field(() => ID, { nullable: true, description: 'นักเรียนที่สถานศึกษาที่รับ (เมื่อให้ย้ายแล้ว)' })
  pupilId: string | null;
}
