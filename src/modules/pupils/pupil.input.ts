import { IsIn, IsOptional, Length, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { GradeEnum, SexEnum } from './pupil.types';
import type { Grade } from './rules/grades';
import type { Sex } from './rules/name-prefixes';

@InputType({ description: 'ข้อมูลนักเรียนหรือเด็กเล็ก' })
export class PupilInput {
  @Field({ description: 'เลขประจำตัวประชาชน 13 หลัก หรือรหัส G (G-Code)' }) @Length(1, 30) citizenId: string;
  @Field({ description: 'คำนำหน้า เช่น ด.ช. ด.ญ. เด็กชาย เด็กหญิง นาย นางสาว' }) @Length(1, 30) prefix: string;
  @Field() @Length(1, 100) firstName: string;
  @Field() @Length(1, 100) lastName: string;
  @Field(() => SexEnum) sex: Sex;
  @Field({ description: 'วันเกิด (ค.ศ.) YYYY-MM-DD' }) @Length(1, 20) birthDate: string;
  @Field({ description: 'สัญชาติ' }) @Length(1, 50) nationality: string;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) religion?: string | null;
  @Field(() => String, { nullable: true, description: 'วันที่เข้าเรียน YYYY-MM-DD' })
  @IsOptional()
  @MaxLength(20)
  enrolmentDate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'นักเรียนด้อยโอกาส' }) @IsOptional() disadvantaged?:
    boolean | null;
  @Field(() => String, { nullable: true, description: 'คำอธิบายเมื่อข้อมูลผิดปกติ (เช่น อายุมากกว่าเกณฑ์)' })
  @IsOptional()
  @MaxLength(500)
  queryNote?: string | null;
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'ข้อมูลเพิ่มเติมตามแบบส่งออกของ LEC เช่น ชื่อบิดามารดา ที่อยู่ น้ำหนัก ส่วนสูง',
  })
  @IsOptional()
  extra?: Record<string, unknown> | null;
}

@InputType({ description: 'แก้ไขข้อมูลนักเรียน: ระบุเฉพาะช่องที่แก้' })
export class PupilPatch {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 30) citizenId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 30) prefix?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) firstName?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) lastName?: string;
  @Field(() => SexEnum, { nullable: true }) @IsOptional() @IsIn(['MALE', 'FEMALE']) sex?: Sex;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 20) birthDate?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) nationality?: string;
  @Field(() => GradeEnum, { nullable: true }) @IsOptional() grade?: Grade;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) religion?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) enrolmentDate?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() disadvantaged?: boolean | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) queryNote?: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true }) @IsOptional() extra?: Record<string, unknown> | null;
}
