import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, MaxLength } from 'class-validator';
import { enumOf } from '../../graphql/enum-of';
import { ProgressLevelEnum } from '../confirmation/confirmation.types';
import type { ConfirmingLevel } from '../chain/levels';
import { milkKinds, type MilkKind } from './budget.arithmetic';
import type { BudgetFiguresView, BudgetLineView } from './budget-preview';
import type { BudgetPreviewView } from './budget-preview.reads';
import type { BudgetRatesView } from './budget-rates.reads';
import type { LunchBand as LunchBandData } from './budget-rates.rules';

export const MilkKindEnum = enumOf(milkKinds);
registerEnumType(MilkKindEnum, {
  name: 'MilkKind',
  description: 'ชนิดนม: PASTEURISED นมพาสเจอร์ไรส์ (ถุง), UHT นม ยู.เอช.ที. (กล่อง)',
});

export const BudgetBasisEnum = enumOf(['CONFIRMED', 'PROVISIONAL', 'LIVE'] as const);
registerEnumType(BudgetBasisEnum, {
  name: 'BudgetBasis',
  description:
    'CONFIRMED ตามข้อมูลที่ยืนยันแล้วถึงระดับของหน่วยงานที่ขอ (ข้อมูลทางการ), PROVISIONAL ยืนยันแล้วเฉพาะระดับล่าง, LIVE ประมาณการจากทะเบียนปัจจุบัน',
});

@ObjectType({ description: 'อัตราค่าอาหารกลางวันตามขนาดโรงเรียน (จำนวนนักเรียนอนุบาลถึง ป.6)' })
export class LunchBand implements LunchBandData {
  @Field(() => Int) minPupils: number;
  @Field(() => Int, { nullable: true, description: 'ว่าง: ขึ้นไป' }) maxPupils: number | null;
  @Field(() => Float, { description: 'บาทต่อคนต่อวัน' }) ratePerDay: number;
}

@ObjectType({ description: 'อัตราเงินอุดหนุนค่าอาหารกลางวันและค่าอาหารเสริม (นม) ที่มีผลตั้งแต่วันที่' })
export class BudgetRates implements BudgetRatesView {
  @Field(() => String, { nullable: true, description: 'วันที่มีผล (ว่าง: ค่าเริ่มต้นของระบบ)' })
  effectiveFrom: string | null;
  @Field(() => [LunchBand]) lunchBands: LunchBand[];
  @Field(() => Int) lunchDays: number;
  @Field(() => Float, { description: 'บาทต่อถุง' }) milkPasteurisedPerBag: number;
  @Field(() => Float, { description: 'บาทต่อกล่อง' }) milkUhtPerBox: number;
  @Field(() => Int) milkDays: number;
  @Field(() => Float, { nullable: true, description: 'ค่าอาหารกลางวันเด็กเล็ก บาทต่อคนต่อวัน (ว่าง: ไม่นับ)' })
  cdcLunchPerDay: number | null;
  @Field(() => Int, { nullable: true }) cdcLunchDays: number | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field({ description: 'ค่าเริ่มต้นของระบบ (กรมยังไม่ได้กำหนด)' }) isDefault: boolean;
  @Field(() => Date, { nullable: true }) setAt: Date | null;
  setByAccount: string | null;
  setByProfile: string | null;
}

@InputType()
export class LunchBandInput {
  @Field(() => Int) minPupils: number;
  @Field(() => Int, { nullable: true }) maxPupils: number | null;
  @Field(() => Float) ratePerDay: number;
}

@InputType()
export class BudgetRatesInput {
  @Field({ description: 'วันที่มีผล YYYY-MM-DD (ค.ศ.)' }) @Length(10, 10) effectiveFrom: string;
  @Field(() => [LunchBandInput]) @ArrayMaxSize(20) lunchBands: LunchBandInput[];
  @Field(() => Int) lunchDays: number;
  @Field(() => Float) milkPasteurisedPerBag: number;
  @Field(() => Float) milkUhtPerBox: number;
  @Field(() => Int) milkDays: number;
  @Field(() => Float, { nullable: true }) cdcLunchPerDay?: number | null;
  @Field(() => Int, { nullable: true }) cdcLunchDays?: number | null;
  @Field(() => String, { nullable: true, description: 'อ้างอิงหนังสือสั่งการ / มติคณะรัฐมนตรี' })
  @IsOptional()
  @MaxLength(1000)
  note?: string | null;
}

@ObjectType({ description: 'งบประมาณของหน่วยงานย่อยหนึ่งแห่ง' })
export class BudgetLine implements BudgetLineView {
  @Field(() => Int, { description: 'จำนวนสถานศึกษาที่นับ' }) institutions: number;
  @Field(() => Int) lunchPupils: number;
  @Field(() => Float, { nullable: true, description: 'อัตราตามขนาดโรงเรียน (เฉพาะรายสถานศึกษา)' })
  lunchRatePerDay: number | null;
  @Field(() => Float, { description: 'บาท' }) lunchAmount: number;
  @Field(() => Int) milkPupils: number;
  @Field(() => Float, { description: 'บาท' }) milkAmount: number;
  @Field(() => Float, { description: 'บาท' }) total: number;
  orgUnitCode: string;
}

@ObjectType({ description: 'ประมาณการงบประมาณค่าอาหารกลางวันและอาหารเสริม (นม) ต่อปี' })
export class BudgetFigures implements BudgetFiguresView {
  @Field(() => BudgetBasisEnum) basis: 'CONFIRMED' | 'PROVISIONAL' | 'LIVE';
  @Field({ description: 'คำอธิบายที่มาของตัวเลข สำหรับแสดงบนหน้าจอ' }) label: string;
  @Field(() => Int) institutions: number;
  @Field(() => Int) lunchPupils: number;
  @Field(() => Float) lunchAmount: number;
  @Field(() => Int) milkPupils: number;
  @Field(() => Float) milkAmount: number;
  @Field(() => Float) total: number;
  @Field(() => [BudgetLine], { description: 'รายสถานศึกษา (อปท.) ราย อปท. (จังหวัด) หรือรายจังหวัด (ทั้งประเทศ)' })
  lines: BudgetLine[];
  @Field(() => Int, { nullable: true, description: 'สถานศึกษาที่ยังไม่มีข้อมูลที่ยืนยันแล้วในรอบ (ไม่นับรวม)' })
  unconfirmed: number | null;
}

@ObjectType({ description: 'ประมาณการงบประมาณของ อปท. จังหวัด หรือทั้งประเทศ' })
export class BudgetPreview implements BudgetPreviewView {
  @Field(() => String, { nullable: true }) roundId: string | null;
  @Field({ description: 'วันที่ใช้เลือกอัตรา (ข้อมูล ณ วันที่ของรอบ หรือวันนี้)' }) ratesOn: string;
  @Field(() => BudgetRates) rates: BudgetRates;
  @Field(() => MilkKindEnum) milkKind: MilkKind;
  @Field(() => ProgressLevelEnum, {
    description: 'ข้อมูลทางการต้องยืนยันแล้วถึงระดับนี้ (ระดับของหน่วยงานที่ขอ; ทั้งประเทศคือระดับจังหวัด)',
  })
  confirmedUpTo: ConfirmingLevel;
  @Field(() => BudgetFigures, {
    nullable: true,
    description: 'ตามข้อมูลที่ยืนยันแล้วถึงระดับของหน่วยงานที่ขอ (ข้อมูลที่ใช้จัดสรรงบประมาณ; ว่าง: ยังไม่มีรอบ)',
  })
  confirmed: BudgetFigures | null;
  @Field(() => BudgetFigures, {
    nullable: true,
    description: 'สถานศึกษาที่ยืนยันแล้วเฉพาะระดับล่าง (ระดับบนยังไม่ยืนยันหรือยกเลิกการยืนยัน): แยกไว้ ไม่รวมในข้อมูลทางการ',
  })
  provisional: BudgetFigures | null;
  @Field(() => BudgetFigures, { description: 'ประมาณการจากทะเบียนปัจจุบัน ก่อนการยืนยัน' }) live: BudgetFigures;
  orgUnitCode: string;
}
