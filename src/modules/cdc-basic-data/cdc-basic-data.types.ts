import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { Actor } from '../accounts/actor.types';
import {
  buildingTypeLabels,
  cdcBuildingTypes,
  cdcLunchProvisions,
  lunchProvisionLabels,
  type CdcBuildingType,
  type CdcLunchProvision,
} from './cdc-basic-data.rules';

export const CdcBuildingTypeEnum = enumOf(cdcBuildingTypes);
export const CdcLunchProvisionEnum = enumOf(cdcLunchProvisions);
registerEnumType(CdcBuildingTypeEnum, {
  name: 'CdcBuildingType',
  description: 'ลักษณะอาคารของศูนย์พัฒนาเด็กเล็ก',
  valuesConfig: Object.fromEntries(cdcBuildingTypes.map((t) => [t, { description: buildingTypeLabels[t] }])),
});
registerEnumType(CdcLunchProvisionEnum, {
  name: 'CdcLunchProvision',
  description: 'วิธีจัดอาหารกลางวันของศูนย์พัฒนาเด็กเล็ก',
  valuesConfig: Object.fromEntries(
    cdcLunchProvisions.map((t) => [t, { description: lunchProvisionLabels[t] }]),
  ),
});

@ObjectType({
  description: 'ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก (ข้อมูลพื้นฐานอื่นๆ) ฉบับหนึ่ง: บันทึกใหม่ทุกครั้งที่ข้อมูลเปลี่ยน เป็นฉบับที่ 1, 2, …',
})
export class CdcBasicData {
  @Field({ description: 'รหัสศูนย์พัฒนาเด็กเล็ก' }) cdcCode: string;
  @Field(() => Int, { description: 'ฉบับที่ (1, 2, …) การยืนยันข้อมูลอ้างถึงฉบับนี้' }) version: number;
  @Field(() => Int, { description: 'จำนวนครู (ครูผู้ดูแลเด็ก)' }) teachers: number;
  @Field(() => Int, { description: 'จำนวนผู้ดูแลเด็ก' }) caregivers: number;
  @Field(() => Int, { description: 'จำนวนห้องเรียน' }) classrooms: number;
  @Field(() => Int, { description: 'จำนวนเด็กที่ศูนย์รับได้' }) capacity: number;
  @Field(() => CdcBuildingTypeEnum) buildingType: CdcBuildingType;
  @Field(() => String, { nullable: true, description: 'ลักษณะอาคาร เมื่อเลือก OTHER' })
  buildingTypeOther: string | null;
  @Field(() => CdcLunchProvisionEnum) lunchProvision: CdcLunchProvision;
  @Field(() => String, { nullable: true, description: 'วิธีจัดอาหารกลางวัน เมื่อเลือก OTHER' })
  lunchProvisionOther: string | null;
  @Field(() => String, { nullable: true, description: 'หมายเหตุ' }) notes: string | null;
  @Field({ description: 'เวลาที่บันทึกฉบับนี้' }) recordedAt: Date;
  @Field(() => Actor, { description: 'ผู้บันทึก: บัญชีผู้ใช้งานและผู้รับผิดชอบในขณะนั้น' }) recordedBy: Actor;

  accountId: string | null;
  profileId: string | null;
}
