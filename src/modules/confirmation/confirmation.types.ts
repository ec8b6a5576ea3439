import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { Round } from '../rounds/round.types';
import { GradeEnum, SexEnum } from '../pupils/pupil.types';
import type { Grade } from '../pupils/rules/grades';
import type { Sex } from '../pupils/rules/name-prefixes';
import { datasetLabels, datasets, type Dataset, type DatasetSource } from '../chain/dataset';
import type { BulkFailureView, BulkResultView } from './bulk-result';
import type {
  ConfirmationStatusView,
  DatasetStatusView,
  UnitConfirmationStatusView,
} from './confirmation-status.view';
import type { ConfirmationView } from './confirmation.view';
import type {
  ConfirmationProgressView,
  DatasetProgressView,
  LevelProgressView,
  ProvinceProgressView,
} from './progress';

export const DatasetEnum = enumOf(datasets);
registerEnumType(DatasetEnum, {
  name: 'Dataset',
  description: 'ฐานข้อมูลที่ยืนยัน',
  valuesConfig: Object.fromEntries(datasets.map((d) => [d, { description: datasetLabels[d] }])),
});

const actions = ['CONFIRMED', 'REVOKED'] as const;
export const ConfirmationActionEnum = enumOf(actions);
registerEnumType(ConfirmationActionEnum, {
  name: 'ConfirmationAction',
  description: 'CONFIRMED ยืนยันข้อมูล, REVOKED ยกเลิกการยืนยันข้อมูล',
});

@ObjectType({ description: 'จำนวนตามระดับชั้นและเพศ' })
export class GradeSexCount {
  @Field(() => GradeEnum) grade: Grade;
  @Field(() => SexEnum) sex: Sex;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'การยืนยันหรือการยกเลิกการยืนยันข้อมูลครั้งหนึ่ง (ข้อมูลที่ยืนยันแล้วเป็นข้อมูลทางการ)' })
export class Confirmation implements ConfirmationView {
  @Field(() => ID) id: string;
  @Field(() => ID) roundId: string;
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field(() => ConfirmationActionEnum) action: 'CONFIRMED' | 'REVOKED';
  @Field({ description: 'เวลาที่ดำเนินการ' }) at: Date;
  @Field(() => String, { nullable: true, description: 'เหตุผลที่ยกเลิกการยืนยัน' }) reason: string | null;
  @Field(() => Int, { nullable: true, description: 'จำนวนรวมที่ยืนยัน (ว่างสำหรับข้อมูลพื้นฐานศูนย์)' })
  total: number | null;
  @Field(() => [GradeSexCount], { description: 'จำนวนที่ยืนยันตามระดับชั้นและเพศ' }) counts: GradeSexCount[];
  @Field({ description: 'ยืนยันหลังกำหนดวันที่' }) late: boolean;
  // Resolved by field resolvers: the unit, who acted, and the unit that acted.
  orgUnitCode: string;
  accountId: string | null;
  profileId: string | null;
  byUnitCode: string | null;
}

const progressLevels = ['PROVINCE', 'LAO', 'INSTITUTION'] as const;
export const ProgressLevelEnum = enumOf(progressLevels);
registerEnumType(ProgressLevelEnum, {
  name: 'ProgressLevel',
  description: 'PROVINCE จังหวัด, LAO อปท., INSTITUTION สถานศึกษาและศูนย์พัฒนาเด็กเล็ก',
});

const datasetSources = ['REGISTER', 'BASIC_DATA', 'RECORDED_COUNTS'] as const;
export const DatasetSourceEnum = enumOf(datasetSources);
registerEnumType(DatasetSourceEnum, {
  name: 'DatasetSource',
  description:
    'REGISTER ทะเบียนนักเรียนหรือเด็กเล็กของสถานศึกษา, BASIC_DATA ข้อมูลพื้นฐานของศูนย์ (ไม่ใช่จำนวน), RECORDED_COUNTS จำนวนนักเรียนที่ อปท. บันทึกให้สถานศึกษาสังกัดอื่น',
});

@ObjectType({ description: 'ฐานข้อมูลหนึ่งตามทะเบียนฐานข้อมูล: ใครถือ ยืนยันจากระดับใด นับเป็นจำนวนหรือไม่' })
export class DatasetInfo {
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field({ description: 'ชื่อภาษาไทย' }) label: string;
  @Field(() => String, { description: 'ชนิดหน่วยงานที่เป็นเจ้าของข้อมูลต้นทาง (SCHOOL, CDC, OTHER_SCHOOL)' })
  sourceKind: string;
  @Field(() => ProgressLevelEnum, { description: 'ระดับที่ยืนยันเป็นระดับแรก' }) firstLevel: 'INSTITUTION' | 'LAO';
  @Field(() => DatasetSourceEnum) source: DatasetSource;
  @Field({ description: 'เป็นจำนวนนักเรียน (ใช้ในตัวเลขและงบประมาณ)' }) counted: boolean;
}

@ObjectType({ description: 'สถานะการยืนยันของฐานข้อมูลหนึ่งของหน่วยงาน ในรอบหนึ่ง' })
export class DatasetStatus implements DatasetStatusView {
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field({ description: 'ชื่อฐานข้อมูลภาษาไทย' }) label: string;
  @Field({
    description: 'หน่วยงานนี้ยืนยันจากจำนวนที่ตนบันทึกให้หน่วยงานในสังกัด (รอการบันทึก ไม่ใช่รอการยืนยัน)',
  })
  waitsOnRecords: boolean;
  @Field({ description: 'ทะเบียนนักเรียนหรือเด็กเล็กของสถานศึกษา (การยืนยันล็อกทะเบียน)' }) register: boolean;
  @Field() confirmed: boolean;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  @Field(() => Int, { nullable: true }) total: number | null;
  @Field({ description: 'หน่วยงานในสังกัดที่มีฐานข้อมูลนี้ยืนยันครบแล้ว (ยืนยันได้)' }) ready: boolean;
  @Field({ description: 'ยืนยันหลังกำหนด หรือเลยกำหนดแล้วยังไม่ยืนยัน' }) late: boolean;
  @Field(() => String, { nullable: true, description: 'ภายในวันที่ (รวมการขยายเวลา)' }) deadline: string | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) revocationReason: string | null;
  // Resolved by field resolvers: who confirmed/revoked and the units still missing.
  confirmedByKey: string | null;
  revokedByKey: string | null;
  revokedByUnitCode: string | null;
  missingCodes: string[];
}

@ObjectType({ description: 'สถานะการยืนยันของหน่วยงานหนึ่ง' })
export class UnitConfirmationStatus implements UnitConfirmationStatusView {
  orgUnitCode: string;
  @Field(() => [DatasetStatus], { description: 'เฉพาะฐานข้อมูลที่หน่วยงานนี้มี' }) datasets: DatasetStatus[];
}

@ObjectType({ description: 'สถานะการยืนยันของหน่วยงานและหน่วยงานในสังกัดโดยตรง' })
export class ConfirmationStatus extends UnitConfirmationStatus implements ConfirmationStatusView {
  @Field(() => Round) round: Round;
  @Field(() => [UnitConfirmationStatus]) children: UnitConfirmationStatus[];
}

@ObjectType({ description: 'รายการที่ดำเนินการไม่สำเร็จในการดำเนินการหลายรายการ' })
export class BulkFailure implements BulkFailureView {
  orgUnitCode: string;
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field({ description: 'รหัสข้อผิดพลาด (extensions.code)' }) code: string;
  @Field() message: string;
}

@ObjectType({ description: 'ผลการยืนยันหรือยกเลิกการยืนยันหลายรายการ: แต่ละรายการตรวจและบันทึกแยกกัน' })
export class BulkConfirmationResult implements BulkResultView {
  @Field(() => [Confirmation]) done: Confirmation[];
  @Field(() => [BulkFailure]) failed: BulkFailure[];
}

@ObjectType({ description: 'ความคืบหน้าการยืนยันฐานข้อมูลหนึ่งในระดับหนึ่ง' })
export class DatasetProgress implements DatasetProgressView {
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field(() => Int, { description: 'จำนวนหน่วยงานที่มีฐานข้อมูลนี้' }) units: number;
  @Field(() => Int, { description: 'ยืนยันแล้ว' }) confirmed: number;
  @Field(() => Int, { description: 'ล่าช้า: ยืนยันหลังกำหนด หรือเลยกำหนดแล้วยังไม่ยืนยัน' }) late: number;
  @Field({ description: 'ภายในวันที่ของระดับนี้' }) deadline: string;
  @Field(() => Int, { description: 'จำนวนวันถึงกำหนด (ติดลบเมื่อเลยกำหนด)' }) daysLeft: number;
  notConfirmedCodes: string[];
}

@ObjectType({ description: 'ความคืบหน้าการยืนยันของหน่วยงานระดับหนึ่ง' })
export class LevelProgress implements LevelProgressView {
  @Field(() => ProgressLevelEnum) level: 'PROVINCE' | 'LAO' | 'INSTITUTION';
  @Field(() => [DatasetProgress]) datasets: DatasetProgress[];
}

@ObjectType({ description: 'ความคืบหน้าการยืนยันของจังหวัดหนึ่ง (สำหรับกรม)' })
export class ProvinceProgress implements ProvinceProgressView {
  provinceCode: string;
  @Field(() => [LevelProgress]) levels: LevelProgress[];
}

@ObjectType({ description: 'ความคืบหน้าการยืนยันข้อมูลของทุกระดับใต้หน่วยงาน' })
export class ConfirmationProgress implements ConfirmationProgressView {
  orgUnitCode: string;
  @Field(() => Round) round: Round;
  @Field(() => [LevelProgress]) levels: LevelProgress[];
  @Field(() => [ProvinceProgress], { description: 'รายจังหวัด (เฉพาะมุมมองของกรม)' })
  byProvince: ProvinceProgress[];
}
