import type { Event } from '../../event-store/event';

export type NoticeAudienceKind = 'PROVINCE' | 'LAO' | 'SCHOOL' | 'CDC';
export const noticeAudienceKinds: readonly NoticeAudienceKind[] = ['PROVINCE', 'LAO', 'SCHOOL', 'CDC'];

/**
 * A notice from the department (to all provinces or some, and everything under them) or from a
 * province (to its LAOs and institutions, or some of them). Null audience parts mean "all".
 */
export type NoticePosted = Event<
  'NoticePosted',
  {
    noticeId: string;
    fromUnitCode: string;
    fromKind: 'DEPARTMENT' | 'PROVINCE';
    title: string;
    body: string;
    provinceCodes: string[] | null;
    /** LAOs (and so their institutions) or institutions the notice is for. */
    unitCodes: string[] | null;
    kinds: NoticeAudienceKind[] | null;
    roundId: string | null;
  }
>;

export type NoticeEvent = NoticePosted;
export const noticeEventTypes: readonly NoticeEvent['type'][] = ['NoticePosted'];

export function noticeStreamId(fromUnitCode: string): string {
  return `Notices-${fromUnitCode}`;
}
