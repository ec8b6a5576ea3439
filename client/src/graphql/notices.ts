import { gql, type TypedDocumentNode } from '@apollo/client';
import type { UnitRef } from './org-units';

/** Notices from the department or a province (e.g. a round's opening), read/unread per unit. */
export interface NoticeView {
  id: string;
  title: string;
  body: string;
  postedAt: string;
  read: boolean;
  readAt: string | null;
  roundId: string | null;
  fromOrgUnit: UnitRef;
  kinds: NoticeAudienceKind[] | null;
  provinceCodes: string[] | null;
  unitCodes: string[] | null;
}
export type NoticeAudienceKind = 'PROVINCE' | 'LAO' | 'SCHOOL' | 'CDC';

const NOTICE = `id title body postedAt read readAt roundId fromOrgUnit { code name kind } kinds provinceCodes unitCodes`;

export const NOTICES: TypedDocumentNode<
  { notices: NoticeView[] },
  { unreadOnly?: boolean | null; sent?: boolean | null }
> = gql`
  query Notices($unreadOnly: Boolean, $sent: Boolean) {
    notices(unreadOnly: $unreadOnly, sent: $sent, first: 50) { ${NOTICE} }
  }
`;

export const UNREAD_NOTICES: TypedDocumentNode<{ notices: { id: string }[] }> = gql`
  query UnreadNotices {
    notices(unreadOnly: true, first: 100) {
      id
    }
  }
`;

export const POST_NOTICE: TypedDocumentNode<
  { postNotice: NoticeView },
  {
    input: {
      title: string;
      body: string;
      kinds?: NoticeAudienceKind[] | null;
      provinceCodes?: string[] | null;
      orgUnitCodes?: string[] | null;
    };
  }
> = gql`
  mutation PostNotice($input: NoticeInput!) {
    postNotice(input: $input) { ${NOTICE} }
  }
`;

export const MARK_NOTICE_READ: TypedDocumentNode<
  { markNoticeRead: { id: string; read: boolean } },
  { noticeId: string }
> = gql`
  mutation MarkNoticeRead($noticeId: ID!) {
    markNoticeRead(noticeId: $noticeId) {
      id
      read
      readAt
    }
  }
`;
