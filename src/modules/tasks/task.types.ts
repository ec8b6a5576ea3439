import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { DatasetEnum } from '../confirmation/confirmation.types';
import type { Dataset } from '../chain/dataset';
import { taskKinds, type TaskKind, type TaskView } from '../confirmation/tasks';

export const TaskKindEnum = enumOf(taskKinds);
registerEnumType(TaskKindEnum, {
  name: 'TaskKind',
  description:
    'CONFIRM ยืนยันข้อมูล, RECONFIRM ยืนยันอีกครั้งหลังถูกยกเลิกการยืนยัน, WAIT_FOR_CHILDREN รอหน่วยงานในสังกัด, DEADLINE ใกล้หรือเลยกำหนด, SPOT_CHECK_FLAG จังหวัดสุ่มตรวจแล้วไม่พบตัวนักเรียน, REVOCATION_REQUEST มีคำขอให้ยกเลิกการยืนยันรอพิจารณา, PROVINCE_TARGET กำหนดเสร็จของจังหวัด (ก่อนกำหนดของกรม)',
});

@ObjectType({ description: 'สิ่งที่หน่วยงานต้องทำตอนนี้' })
export class Task implements TaskView {
  @Field(() => TaskKindEnum) kind: TaskKind;
  @Field() message: string;
  orgUnitCode: string | null;
  @Field(() => DatasetEnum, { nullable: true }) dataset: Dataset | null;
  @Field(() => String, { nullable: true, description: 'ภายในวันที่' }) dueDate: string | null;
  @Field(() => Int, { nullable: true, description: 'จำนวนวันถึงกำหนด (ติดลบเมื่อเลยกำหนด)' }) daysLeft:
    number | null;
}
