import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OrgUnitKind } from '../lib/thai';

export interface UnitRef {
  code: string;
  name: string;
  kind: OrgUnitKind;
}
export interface UnitView extends UnitRef {
  district: string | null;
  parent: UnitRef | null;
  children: (UnitRef & { district: string | null })[];
}

export const ORG_UNIT: TypedDocumentNode<{ orgUnit: UnitView | null }, { code: string }> = gql`
  query OrgUnit($code: String!) {
    orgUnit(code: $code) {
      code
      name
      kind
      district
      parent {
        code
        name
        kind
      }
      children {
        code
        name
        kind
        district
      }
    }
  }
`;

export const ISSUE_CREDENTIALS: TypedDocumentNode<
  { issueCredentials: { username: string; initialPassword: string; orgUnit: UnitRef } },
  { orgUnitCode: string }
> = gql`
  mutation IssueCredentials($orgUnitCode: String!) {
    issueCredentials(orgUnitCode: $orgUnitCode) {
      username
      initialPassword
      orgUnit {
        code
        name
        kind
      }
    }
  }
`;
