import { IsOptional, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LaoTypeEnum, OrgUnitKindEnum } from './org-unit.types';
import type { LaoType, OrgUnitKind } from '../chain/org-unit-kind';

@InputType()
export class OrgUnitInput {
  @Field()
  @Matches(/^[0-9A-Za-z-]{2,20}$/, { message: 'รหัสหน่วยงานต้องเป็นตัวเลขหรืออักษรอังกฤษ ไม่มีช่องว่าง' })
  code: string;

  @Field()
  @Length(2, 200, { message: 'ชื่อหน่วยงานต้องยาว 2–200 ตัวอักษร' })
  name: string;

  @Field(() => OrgUnitKindEnum)
  kind: OrgUnitKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  parentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'อำเภอ (จำเป็นสำหรับ อปท.)' })
  @IsOptional()
  @Length(1, 200)
  district?: string | null;

  @Field(() => LaoTypeEnum, { nullable: true })
  @IsOptional()
  laoType?: LaoType | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  ministryCode?: string | null;
}
