import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../access/context';
import { requireViewer } from '../access/policy';
import type { LeaveReason } from './pupil.events';
import { PupilInput } from './pupil.input';
import { PromotionResult } from './pupil-lifecycle.types';
import { GradeEnum, LeaveReasonEnum, Pupil } from './pupil.types';
import { assertIsInstitution, extraOf, registerForPupilWrite } from './pupil-write';
import { promotePupils, type PromotionOutcome } from './promote-pupils';
import type { Grade } from './rules/grades';
import { formatThaiDate, todayInBangkok } from '../../shared/thai-calendar';
import { runLifecycleCommand } from './run-lifecycle-command';
import { OFFLINE_KEY, OFFLINE_VERSION, offlineOf } from './offline/offline-args';

function promotionMessage(o: PromotionOutcome): string {
  const counts = `เลื่อนชั้น ${o.promoted} คน จบการศึกษา ${o.graduated} คน`;
  if (o.alreadyDone)
    return `สถานศึกษาเลื่อนชั้นสำหรับปีการศึกษา ${o.academicYear} ไปแล้วเมื่อ ${formatThaiDate(todayInBangkok(o.promotedAt!))} (${counts}) ครั้งนี้จึงไม่มีการเปลี่ยนแปลง`;
  const skipped = o.skipped ? ` ไม่เลื่อน ${o.skipped} คนที่บันทึกในปีการศึกษาใหม่แล้ว` : '';
  if (o.dryRun) return `หากเลื่อนชั้นสำหรับปีการศึกษา ${o.academicYear}: ${counts}${skipped} (ยังไม่ได้บันทึก)`;
  return `เลื่อนชั้นสำหรับปีการศึกษา ${o.academicYear} แล้ว: ${counts}${skipped} กรุณาตรวจสอบนักเรียนที่ต้องเรียนซ้ำชั้น แล้วยกเลิกการเลื่อนชั้นเป็นรายคน`;
}

/** Pupils leaving, transferring in, and the move to a new academic year: the institution itself only. */
@Resolver()
export class PupilLifecycleResolver {
  @Mutation(() => Pupil, {
    description: 'บันทึกนักเรียนออก: จบการศึกษา ย้ายออก หรือลาออก (ยังอยู่ในประวัติ แต่ไม่อยู่ในทะเบียนปัจจุบัน)',
  })
  async recordPupilLeft(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('reason', () => LeaveReasonEnum) reason: LeaveReason,
    @Arg('date', () => String, { description: 'วันที่ออก YYYY-MM-DD' }) date: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Arg('toInstitutionCode', () => String, { nullable: true, description: 'ย้ายออก: รหัสสถานศึกษาปลายทาง' })
    toInstitutionCode: string | null,
    @Arg('idempotencyKey', () => String, { nullable: true, description: OFFLINE_KEY })
    idempotencyKey: string | null,
    @Arg('basedOnVersion', () => Int, { nullable: true, description: OFFLINE_VERSION })
    basedOnVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return runLifecycleCommand(
      ctx.store,
      await registerForPupilWrite(ctx, pupilId),
      { type: 'RecordPupilLeft', pupilId, reason, date, note, toInstitutionCode },
      metadataOf(ctx),
      offlineOf(ctx.viewer!, 'recordPupilLeft', { idempotencyKey, basedOnVersion }),
    );
  }

  @Mutation(() => Pupil, {
    description:
      'รับนักเรียนย้ายเข้าระหว่างปี (ย้ายเข้า) จากสถานศึกษาที่ไม่มีชื่อนักเรียนอยู่แล้ว เช่น สถานศึกษาสังกัดอื่น หากยังมีชื่ออยู่ที่สถานศึกษาอื่นใน LEC ให้ขอย้าย (requestPupilTransfer)',
  })
  async recordPupilTransferredIn(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Arg('input', () => PupilInput) input: PupilInput,
    @Arg('date', () => String, { description: 'วันที่ย้ายเข้า YYYY-MM-DD' }) date: string,
    @Arg('fromInstitutionCode', () => String, { nullable: true }) fromInstitutionCode: string | null,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    assertIsInstitution(requireViewer(ctx.viewer), institutionCode);
    return runLifecycleCommand(
      ctx.store,
      institutionCode,
      {
        type: 'RecordPupilTransferredIn',
        pupilId: randomUUID(),
        input: { ...input, extra: extraOf(input.extra) },
        date,
        fromInstitutionCode,
        note,
      },
      metadataOf(ctx),
    );
  }

  @Mutation(() => PromotionResult, {
    description:
      'เลื่อนชั้นนักเรียนทั้งสถานศึกษาสำหรับปีการศึกษาใหม่ (ครั้งเดียวต่อปีการศึกษา): ชั้นสุดท้ายที่เปิดสอนจบการศึกษา แล้วตรวจสอบนักเรียนที่เรียนซ้ำชั้น',
  })
  async promotePupils(
    @Arg('institutionCode', () => String) institutionCode: string,
    @Arg('academicYear', () => Int, { description: 'ปีการศึกษาใหม่ (พ.ศ.)' }) academicYear: number,
    @Arg('lastGrade', () => GradeEnum, {
      nullable: true,
      description: 'ชั้นสุดท้ายที่เปิดสอน (ถ้าไม่ระบุ: ชั้นสูงสุดที่สถานศึกษาเคยมีนักเรียน)',
    })
    lastGrade: Grade | null,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'คำนวณให้ดูก่อน ยังไม่บันทึก' })
    dryRun: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PromotionResult> {
    assertIsInstitution(requireViewer(ctx.viewer), institutionCode);
    const outcome = await promotePupils(
      ctx.store,
      institutionCode,
      { type: 'PromotePupils', academicYear, lastGrade },
      metadataOf(ctx),
      { dryRun },
    );
    return { ...outcome, institutionCode, message: promotionMessage(outcome) };
  }

  @Mutation(() => Pupil, {
    description: 'นักเรียนเรียนซ้ำชั้น: ยกเลิกการเลื่อนชั้น (หรือการจบการศึกษา) ของการเลื่อนชั้นครั้งล่าสุด',
  })
  async holdBackPupil(
    @Arg('pupilId', () => ID) pupilId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return runLifecycleCommand(
      ctx.store,
      await registerForPupilWrite(ctx, pupilId),
      { type: 'HoldBackPupil', pupilId, note },
      metadataOf(ctx),
    );
  }
}
