import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OrgUnitKind } from '../lib/thai';

export interface ProfileView {
  firstName: string;
  lastName: string;
  position: string;
  phone: string;
  startedAt?: string;
}
export interface ViewerView {
  username: string;
  mustCompleteFirstLogin: boolean;
  orgUnit: { code: string; name: string; kind: OrgUnitKind; parent: { code: string; name: string } | null };
  profile: ProfileView | null;
}
export interface ProfileInput {
  firstName: string;
  lastName: string;
  position: string;
  phone: string;
}

const VIEWER = gql`
  fragment ViewerFields on Viewer {
    username
    mustCompleteFirstLogin
    orgUnit {
      code
      name
      kind
      parent {
        code
        name
      }
    }
    profile {
      firstName
      lastName
      position
      phone
      startedAt
    }
  }
`;

export const ME: TypedDocumentNode<{ me: ViewerView | null }> = gql`
  query Me {
    me {
      ...ViewerFields
    }
  }
  ${VIEWER}
`;

export const LOGIN: TypedDocumentNode<
  { login: { viewer: ViewerView } },
  { username: string; password: string }
> = gql`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      viewer {
        ...ViewerFields
      }
    }
  }
  ${VIEWER}
`;

export const LOGOUT: TypedDocumentNode<{ logout: boolean }> = gql`
  mutation Logout {
    logout
  }
`;

export const COMPLETE_FIRST_LOGIN: TypedDocumentNode<
  { completeFirstLogin: ViewerView },
  { profile: ProfileInput; newPassword: string }
> = gql`
  mutation CompleteFirstLogin($profile: ProfileInput!, $newPassword: String!) {
    completeFirstLogin(profile: $profile, newPassword: $newPassword) {
      ...ViewerFields
    }
  }
  ${VIEWER}
`;

export const CHANGE_RESPONSIBLE_PERSON: TypedDocumentNode<
  { changeResponsiblePerson: ViewerView },
  { profile: ProfileInput; newPassword: string; currentPassword?: string }
> = gql`
  mutation ChangeResponsiblePerson($profile: ProfileInput!, $newPassword: String!, $currentPassword: String) {
    changeResponsiblePerson(profile: $profile, newPassword: $newPassword, currentPassword: $currentPassword) {
      ...ViewerFields
    }
  }
  ${VIEWER}
`;

export const RESPONSIBLE_PERSONS: TypedDocumentNode<
  { responsiblePersons: (ProfileView & { id: string; endedAt: string | null })[] },
  { orgUnitCode: string }
> = gql`
  query ResponsiblePersons($orgUnitCode: String!) {
    responsiblePersons(orgUnitCode: $orgUnitCode) {
      id
      firstName
      lastName
      position
      phone
      startedAt
      endedAt
    }
  }
`;
