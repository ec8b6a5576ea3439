import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'รอบการบันทึกข้อมูล (ครั้งที่ 1 / ครั้งที่ 2 ประจำปีการศึกษา)' })
export class Round {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'ปีการศึกษา (พ.ศ.)' }) academicYear: number;
  @Field(() => Int, { description: 'ครั้งที่ 1 หรือ 2' }) roundNo: number;
  @Field({ description: 'ข้อมูล ณ วันที่' }) snapshotDate: string;
  @Field(() => String, { description: 'OPEN เปิดอยู่, CLOSED ปิดแล้ว' }) status: 'OPEN' | 'CLOSED';
  @Field({ description: 'สถานศึกษายืนยันภายในวันที่' }) institutionDeadline: string;
  @Field({ description: 'อปท. ยืนยันภายในวันที่' }) laoDeadline: string;
  @Field({ description: 'จังหวัดยืนยันภายในวันที่' }) provinceDeadline: string;
  @Field() openedAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
}

@ObjectType({ description: 'การขยายเวลาให้หน่วยงานหนึ่งในรอบ' })
export class DeadlineExtension {
  @Field() orgUnitCode: string;
  @Field() until: string;
  @Field() reason: string;
  @Field() grantedAt: Date;
}
