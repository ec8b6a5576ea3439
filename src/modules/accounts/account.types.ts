import { Field, ObjectType } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';

@ObjectType({ description: 'ข้อมูลส่วนตัว (Profile) ของผู้รับผิดชอบ' })
export class Profile {
  @Field()
  id: string;

  @Field({ description: 'ชื่อ' })
  firstName: string;

  @Field({ description: 'ชื่อสกุล' })
  lastName: string;

  @Field({ description: 'ตำแหน่ง' })
  position: string;

  @Field({ description: 'หมายเลขโทรศัพท์' })
  phone: string;

  @Field({ description: 'เริ่มเป็นผู้รับผิดชอบเมื่อ' })
  startedAt: Date;

  @Field(() => Date, { nullable: true, description: 'ส่งมอบงานเมื่อ (ว่างถ้ายังเป็นผู้รับผิดชอบอยู่)' })
  endedAt: Date | null;
}

@ObjectType({ description: 'บัญชีผู้ใช้งานที่เข้าสู่ระบบอยู่' })
export class Viewer {
  @Field({ description: 'ชื่อผู้ใช้งาน (User Login)' })
  username: string;

  @Field(() => OrgUnit)
  orgUnit: OrgUnit;

  @Field(() => Profile, { nullable: true, description: 'ผู้รับผิดชอบปัจจุบัน' })
  profile: Profile | null;

  @Field({ description: 'ต้องกรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่ก่อนใช้งาน' })
  mustCompleteFirstLogin: boolean;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'ใช้เป็น Authorization: Bearer <token> สำหรับสคริปต์' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Viewer)
  viewer: Viewer;
}

@ObjectType({ description: 'บัญชีผู้ใช้งานที่ออกให้ใหม่ แสดงรหัสผ่านเริ่มต้นครั้งเดียว' })
export class IssuedCredential {
  @Field()
  username: string;

  @Field({ description: 'รหัสผ่านเริ่มต้น (แสดงครั้งเดียว)' })
  initialPassword: string;

  @Field(() => OrgUnit)
  orgUnit: OrgUnit;
}
