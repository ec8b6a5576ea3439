import { Field, Int, ObjectType } from 'type-graphql';
import { OrgUnit } from '../org-units/org-unit.types';

@ObjectType({ description: 'หน่วยงานหนึ่งแห่งบนใบแจ้งบัญชีผู้ใช้งาน และสิ่งที่การพิมพ์จะทำกับบัญชีของหน่วยงานนั้น' })
export class CredentialSheetUnit {
  @Field(() => OrgUnit)
  orgUnit: OrgUnit;

  @Field({ description: 'มีบัญชีผู้ใช้งานแล้ว' })
  hasAccount: boolean;

  @Field({ description: 'เข้าสู่ระบบครั้งแรก (กรอกข้อมูลส่วนตัวและตั้งรหัสผ่านใหม่) แล้ว' })
  firstLoginDone: boolean;

  @Field({ description: 'การพิมพ์ครั้งนี้จะออกรหัสผ่านใหม่ให้ (รหัสผ่านเดิมจะใช้ไม่ได้)' })
  willReissue: boolean;
}

@ObjectType({ description: 'ก่อนพิมพ์ใบแจ้งบัญชีผู้ใช้งาน: หน่วยงานใดจะได้รหัสผ่านใหม่' })
export class CredentialSheetPreview {
  @Field({ description: 'หน่วยงานเจ้าของใบแจ้ง (จังหวัดหรือ อปท.)' })
  orgUnitCode: string;

  @Field(() => [CredentialSheetUnit], { description: 'ทุกหน่วยงานในสังกัดที่มีบัญชีผู้ใช้งานได้' })
  units: CredentialSheetUnit[];

  @Field(() => Int, { description: 'จำนวนหน่วยงานที่จะได้รหัสผ่านใหม่' })
  reissueCount: number;

  @Field({ description: 'ที่อยู่สำหรับพิมพ์ (มี confirm=1 แล้ว ใช้เมื่อผู้ใช้ยืนยันแล้วเท่านั้น)' })
  printPath: string;
}
