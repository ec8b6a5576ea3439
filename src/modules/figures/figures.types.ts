import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { ProgressLevelEnum } from '../confirmation/confirmation.types';
import type { ConfirmingLevel } from '../chain/levels';
import { OrgUnit } from '../org-units/org-unit.types';
import { GradeEnum, SexEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { nationalityGroups, type AgeGroup, type NationalityGroup } from './figures.model';
import { countsModes, type CountsMode } from './figures.view';

export const CountsModeEnum = enumOf(countsModes);
registerEnumType(CountsModeEnum, {
  name: 'CountsMode',
  description: 'ที่มาของตัวเลข',
  valuesConfig: {
    LIVE: { description: 'ตามที่บันทึกไว้ขณะนี้' },
    CONFIRMED: { description: 'ข้อมูลที่ยืนยันแล้วของรอบ' },
    AS_OF: { description: 'ตามที่บันทึกไว้ ณ เวลาที่ระบุ (สร้างซ้ำจากเหตุการณ์)' },
  },
});

export const NationalityGroupEnum = enumOf(nationalityGroups);
registerEnumType(NationalityGroupEnum, {
  name: 'NationalityGroup',
  description: 'THAI สัญชาติไทย, OTHER สัญชาติอื่น',
});

@ObjectType({ description: 'จำนวนหนึ่งระดับชั้นและเพศ' })
export class EnrolmentCountRow {
  @Field(() => GradeEnum) grade: Grade;
  @Field({ description: 'ชื่อชั้นแบบย่อ เช่น อ.1 ป.6 เด็กเล็ก' }) label: string;
  @Field(() => SexEnum) sex: Sex;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'จำนวนรวม ชาย หญิง และรายชั้นรายเพศ (แสดงเฉพาะช่องที่ไม่เป็น 0)' })
export class CountsSection {
  @Field(() => Int) total: number;
  @Field(() => Int) male: number;
  @Field(() => Int) female: number;
  @Field(() => [EnrolmentCountRow]) rows: EnrolmentCountRow[];
}

@ObjectType({ description: 'นักเรียนและเด็กเล็กตามสัญชาติ (ไทย / อื่น)' })
export class NationalityCount {
  @Field(() => NationalityGroupEnum) nationality: NationalityGroup;
  @Field() label: string;
  @Field(() => Int) male: number;
  @Field(() => Int) female: number;
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'เด็กเล็กตามช่วงอายุ (อายุเต็มปี ณ วันอ้างอิง)' })
export class AgeGroupCount {
  @Field(() => String, { description: 'under-2, 2-3, 3-4, 4-5, 5+' }) ageGroup: AgeGroup;
  @Field() label: string;
  @Field(() => Int) male: number;
  @Field(() => Int) female: number;
  @Field(() => Int) total: number;
}

@ObjectType({ description: 'ตัวเลขที่ยืนยันแล้วถึงระดับหนึ่งเท่านั้น (ยังไม่ใช่ข้อมูลทางการของหน่วยงานที่ขอ)' })
export class ProvisionalFigures {
  @Field(() => ProgressLevelEnum, { description: 'ระดับสูงสุดที่ยืนยันแล้ว' }) level: ConfirmingLevel;
  @Field() label: string;
  @Field(() => Int) total: number;
  @Field(() => CountsSection) enrolled: CountsSection;
  @Field(() => CountsSection) otherSchools: CountsSection;
  @Field(() => CountsSection) combined: CountsSection;
}

@ObjectType({
  description:
    'จำนวนนักเรียนของหน่วยงานและทุกหน่วยงานในสังกัด: total/rows คือรวมทั้งหมด (combined) ' +
    'แยกเป็นนักเรียนและเด็กเล็กในระบบ (enrolled) และสถานศึกษาสังกัดอื่นที่ อปท. อุดหนุน (otherSchools)',
})
export class EnrolmentCounts {
  @Field(() => OrgUnit) orgUnit: OrgUnit;
  @Field(() => String, { nullable: true, description: 'อำเภอ (เมื่อขอเฉพาะอำเภอของจังหวัด)' }) district:
    string | null;
  @Field(() => CountsModeEnum) mode: CountsMode;
  @Field(() => ID, { nullable: true }) roundId: string | null;
  @Field({ description: 'วันที่ใช้คำนวณอายุเด็กเล็ก: วันที่ข้อมูลของรอบ วันที่ขอดู หรือวันนี้' }) referenceDate: string;
  @Field(() => Date, { nullable: true, description: 'เวลาที่ขอดูย้อนหลัง (AS_OF)' }) at: Date | null;
  @Field(() => Int, { description: 'รวมทั้งหมด (= combined.total)' }) total: number;
  @Field(() => Int) male: number;
  @Field(() => Int) female: number;
  @Field(() => [EnrolmentCountRow], { description: 'รายชั้นรายเพศ รวมทั้งหมด (= combined.rows)' })
  rows: EnrolmentCountRow[];
  @Field(() => CountsSection, { description: 'นักเรียนและเด็กเล็กที่บันทึกในระบบ' }) enrolled: CountsSection;
  @Field(() => CountsSection, { description: 'สถานศึกษาสังกัดอื่นที่ อปท. อุดหนุน (ตามที่ อปท. บันทึก)' })
  otherSchools: CountsSection;
  @Field(() => CountsSection, { description: 'รวมทั้งสองส่วน' }) combined: CountsSection;
  @Field(() => [NationalityCount], {
    nullable: true,
    description: 'นักเรียนและเด็กเล็กในระบบตามสัญชาติ (ไม่มีในข้อมูลที่ยืนยันแล้ว ซึ่งเก็บรายชั้นรายเพศ)',
  })
  byNationality: NationalityCount[] | null;
  @Field(() => [AgeGroupCount], {
    nullable: true,
    description: 'เด็กเล็กตามช่วงอายุ ณ วันอ้างอิง (ไม่มีในข้อมูลที่ยืนยันแล้ว)',
  })
  cdcAgeGroups: AgeGroupCount[] | null;
  @Field(() => ProgressLevelEnum, {
    nullable: true,
    description:
      'CONFIRMED: ตัวเลขข้างต้นยืนยันแล้วถึงระดับนี้ (ระดับของหน่วยงานที่ขอ; ของประเทศคือระดับจังหวัด) จึงเป็นข้อมูลทางการของหน่วยงานนั้น',
  })
  confirmedUpTo: ConfirmingLevel | null;
  @Field(() => [ProvisionalFigures], {
    description:
      'CONFIRMED: ตัวเลขที่ยืนยันแล้วเฉพาะระดับล่าง (ระดับบนยังไม่ยืนยัน หรือยกเลิกการยืนยันแล้ว) แยกไว้ต่างหาก ไม่รวมในตัวเลขข้างต้น',
  })
  provisional: ProvisionalFigures[];
}
