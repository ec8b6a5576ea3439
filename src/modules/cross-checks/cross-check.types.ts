import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { GradeEnum, SexEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import type { CrossCheckKind, CrossCheckSource } from './cross-check.reads';

export const CrossCheckSourceEnum = enumOf<CrossCheckSource>(['REGISTER', 'CERTIFIED_LIST']);
registerEnumType(CrossCheckSourceEnum, {
  name: 'CrossCheckSource',
  description:
    'REGISTER ทะเบียนนักเรียนของสถานศึกษาสังกัด อปท., CERTIFIED_LIST แบบรับรองรายชื่อนักเรียนของสถานศึกษาสังกัดอื่น',
});
export const CrossCheckKindEnum = enumOf<CrossCheckKind>(['REGISTER_AND_LIST', 'TWO_LISTS']);
registerEnumType(CrossCheckKindEnum, {
  name: 'CrossCheckKind',
  description: 'REGISTER_AND_LIST อยู่ทั้งในทะเบียนและในแบบรับรองรายชื่อ, TWO_LISTS อยู่ในแบบรับรองรายชื่อของสองแห่งขึ้นไป',
});

@ObjectType({ description: 'ที่ที่พบเลขประจำตัวนี้' })
export class CrossCheckPlace {
  @Field(() => CrossCheckSourceEnum) source: CrossCheckSource;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() unitKind: string;
  @Field(() => String, { nullable: true }) laoCode: string | null;
  @Field(() => String, { nullable: true }) laoName: string | null;
  @Field(() => String, { nullable: true }) provinceCode: string | null;
  @Field(() => String, { nullable: true }) district: string | null;
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => SexEnum) sex: Sex;
  @Field(() => String, { nullable: true, description: 'SHA-256 ของไฟล์แบบรับรองรายชื่อ' }) listDigest:
    string | null;
  @Field(() => Date, { nullable: true }) listStoredAt: Date | null;
}

@ObjectType({ description: 'เลขประจำตัวที่พบมากกว่าหนึ่งแห่งในรอบเดียวกัน' })
export class CrossCheckDuplicate {
  @Field({ description: 'ปกปิดบางส่วน (เห็นเต็มเฉพาะสถานศึกษาที่มีนักเรียนในทะเบียน)' }) citizenId: string;
  @Field(() => CrossCheckKindEnum) kind: CrossCheckKind;
  @Field(() => [CrossCheckPlace]) places: CrossCheckPlace[];
}

@ObjectType({ description: 'รายงานตรวจสอบรายชื่อซ้ำข้ามสังกัด (เงินอุดหนุนซ้ำซ้อน) ของรอบ' })
export class NameListCrossCheck {
  @Field() roundId: string;
  @Field() roundStatus: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => Int, { description: 'สถานศึกษาสังกัดอื่นที่ อปท. อุดหนุนในขอบเขต' }) fundedSchools: number;
  @Field(() => Int, { description: 'ที่เก็บแบบรับรองรายชื่อของรอบนี้แล้ว' }) listsStored: number;
  @Field(() => [CrossCheckDuplicate]) duplicates: CrossCheckDuplicate[];
}
