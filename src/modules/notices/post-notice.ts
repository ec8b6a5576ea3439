import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../event-store/event';
import { streamVersion } from '../../event-store/event-store';
import type { EventStore } from '../../event-store/event-store.service';
import { badInput, LecError } from '../../shared/errors';
import type { Viewer } from '../access/viewer';
import { noticeStreamId, type NoticeAudienceKind, type NoticePosted } from './notice.events';
import { noticeById, type NoticeView } from './notices.reads';

export interface NoticeInputData {
  title: string;
  body: string;
  provinceCodes?: string[] | null;
  orgUnitCodes?: string[] | null;
  kinds?: NoticeAudienceKind[] | null;
}

const unique = (v: string[] | null | undefined) => (v?.length ? [...new Set(v.map((c) => c.trim()))] : null);

/**
 * Posts a notice: the department to all provinces or some (and everyone under them), a province
 * to its LAOs and institutions or some of them; `kinds` narrows it to some levels.
 */
export async function postNotice(
  store: EventStore,
  viewer: Viewer,
  input: NoticeInputData,
  metadata: EventMetadata,
): Promise<NoticeView> {
  const from = viewer.orgUnit;
  if (from.kind !== 'DEPARTMENT' && from.kind !== 'PROVINCE')
    throw new LecError('FORBIDDEN', 'ส่งประกาศได้เฉพาะกรมส่งเสริมการปกครองท้องถิ่นและจังหวัด');
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  const body = input.body.trim();
  if (!title) fields.title = 'กรุณากรอกหัวเรื่อง';
  if (!body) fields.body = 'กรุณากรอกข้อความ';
  const provinceCodes = unique(input.provinceCodes);
  const unitCodes = unique(input.orgUnitCodes);
  const kinds = input.kinds?.length ? [...new Set(input.kinds)] : null;
  if (from.kind === 'PROVINCE' && provinceCodes)
    fields.provinceCodes = 'จังหวัดส่งประกาศถึง อปท. และสถานศึกษาในจังหวัดของตนเท่านั้น';
  if (from.kind === 'PROVINCE' && kinds?.includes('PROVINCE')) fields.kinds = 'จังหวัดส่งประกาศถึงจังหวัดไม่ได้';
  if (from.kind === 'DEPARTMENT' && unitCodes) fields.orgUnitCodes = 'กรมส่งประกาศถึงจังหวัด (ทั้งหมดหรือบางจังหวัด)';
  return store.transaction(async (tx) => {
    if (provinceCodes) {
      const rows: { code: string }[] = await tx.query(
        `SELECT code FROM org_units WHERE kind = 'PROVINCE' AND code = ANY($1)`,
        [provinceCodes],
      );
      const unknown = provinceCodes.filter((c) => !rows.some((r) => r.code === c));
      if (unknown.length) fields.provinceCodes = `ไม่พบจังหวัดรหัส ${unknown.join(', ')}`;
    }
    if (unitCodes && from.kind === 'PROVINCE') {
      const rows: { code: string }[] = await tx.query(
        `SELECT code FROM org_units WHERE province_code = $1 AND kind IN ('LAO', 'SCHOOL', 'CDC') AND code = ANY($2)`,
        [from.code, unitCodes],
      );
      const unknown = unitCodes.filter((c) => !rows.some((r) => r.code === c));
      if (unknown.length) fields.orgUnitCodes = `ไม่พบหน่วยงานรหัส ${unknown.join(', ')} ในจังหวัด`;
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const noticeId = randomUUID();
    const streamId = noticeStreamId(from.code);
    const event: NoticePosted = {
      type: 'NoticePosted',
      data: {
        noticeId,
        fromUnitCode: from.code,
        fromKind: from.kind as 'DEPARTMENT' | 'PROVINCE',
        title,
        body,
        provinceCodes,
        unitCodes,
        kinds,
        roundId: null,
      },
    };
    await store.append(tx, streamId, 'Notices', await streamVersion(tx, streamId), [event], metadata);
    return (await noticeById(tx, noticeId, from))!;
  });
}
