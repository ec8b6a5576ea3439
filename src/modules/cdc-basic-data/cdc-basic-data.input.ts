import { Field, InputType, Int } from 'type-graphql';
import type { CdcBuildingType, CdcLunchProvision } from './cdc-basic-data.rules';
import { CdcBuildingTypeEnum, CdcLunchProvisionEnum } from './cdc-basic-data.types';

/**
 * The centre's facts as entered. The limits are checked by checkCdcBasicData rather than
 * class-validator, so that every message is in Thai and names its field.
 */
@InputType({ description: 'ข้อมูลพื้นฐานของศูนย์พัฒนาเด็กเล็ก (ไม่มีให้กรอก 0)' })
export class CdcBasicDataInput {
  @Field(() => Int, { description: 'จำนวนครู (ครูผู้ดูแลเด็ก): จำนวนเต็ม 0–100' }) teachers: number;
  @Field(() => Int, { description: 'จำนวนผู้ดูแลเด็ก: จำนวนเต็ม 0–100' }) caregivers: number;
  @Field(() => Int, { description: 'จำนวนห้องเรียน: จำนวนเต็ม 0–100' }) classrooms: number;
  @Field(() => Int, { description: 'จำนวนเด็กที่ศูนย์รับได้: จำนวนเต็ม 0–1,000 (0 ต้องระบุเหตุผลในหมายเหตุ)' })
  capacity: number;
  @Field(() => CdcBuildingTypeEnum) buildingType: CdcBuildingType;
  @Field(() => String, { nullable: true, description: 'ระบุลักษณะอาคาร เมื่อเลือก OTHER (ไม่เกิน 200 ตัวอักษร)' })
  buildingTypeOther?: string | null;
  @Field(() => CdcLunchProvisionEnum) lunchProvision: CdcLunchProvision;
  @Field(() => String, {
    nullable: true,
    description: 'ระบุวิธีจัดอาหารกลางวัน เมื่อเลือก OTHER (ไม่เกิน 200 ตัวอักษร)',
  })
  lunchProvisionOther?: string | null;
  @Field(() => String, { nullable: true, description: 'หมายเหตุ (ไม่เกิน 1,000 ตัวอักษร)' }) notes?: string | null;
}
