import { gql, type TypedDocumentNode } from '@apollo/client';
import type { UnitRef } from './org-units';

/** The account's own password, and the credential sheets' preview (who would get a new password). */

export const PASSWORD_RULES: TypedDocumentNode<{ passwordRules: string[] }> = gql`
  query PasswordRules {
    passwordRules
  }
`;

export const CHANGE_PASSWORD: TypedDocumentNode<
  { changePassword: boolean },
  { currentPassword: string; newPassword: string }
> = gql`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`;

export interface SheetPreview {
  orgUnitCode: string;
  printPath: string;
  reissueCount: number;
  units: { orgUnit: UnitRef; hasAccount: boolean; firstLoginDone: boolean; willReissue: boolean }[];
}

export const CREDENTIAL_SHEET_PREVIEW: TypedDocumentNode<
  { credentialSheetPreview: SheetPreview },
  { orgUnitCode: string; units?: string[] | null }
> = gql`
  query CredentialSheetPreview($orgUnitCode: String!, $units: [String!]) {
    credentialSheetPreview(orgUnitCode: $orgUnitCode, units: $units) {
      orgUnitCode
      printPath
      reissueCount
      units {
        hasAccount
        firstLoginDone
        willReissue
        orgUnit {
          code
          name
          kind
        }
      }
    }
  }
`;
