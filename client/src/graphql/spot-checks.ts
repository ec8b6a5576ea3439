import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Grade, Sex } from '../lib/thai';

export type SpotCheckResult = 'FOUND' | 'NOT_FOUND' | 'WRONG_DATA';
export interface SpotCheckPupilView {
  pupilId: string;
  position: number;
  name: string;
  citizenId: string;
  grade: Grade;
  sex: Sex;
  institution: { code: string; name: string };
  pupilStatus: string;
  result: SpotCheckResult | null;
  note: string | null;
  recordedAt: string | null;
}
export interface SpotCheckView {
  id: string;
  drawnAt: string;
  sampleSize: number;
  populationSize: number;
  institutions: {
    institution: { code: string; name: string };
    drawn: number;
    found: number;
    notFound: number;
    wrongData: number;
    pending: number;
  }[];
  pupils: SpotCheckPupilView[];
}
const PUPIL = `pupilId position name citizenId grade sex institution { code name } pupilStatus result note recordedAt`;
const CHECK = `id drawnAt sampleSize populationSize
  institutions { institution { code name } drawn found notFound wrongData pending }
  pupils { ${PUPIL} }`;

export const SPOT_CHECKS: TypedDocumentNode<{ spotChecks: SpotCheckView[] }, { provinceCode: string }> = gql`
  query SpotChecks($provinceCode: String!) { spotChecks(provinceCode: $provinceCode) { ${CHECK} } }
`;
export const DRAW_SPOT_CHECK: TypedDocumentNode<
  { drawSpotCheck: SpotCheckView },
  { provinceCode: string; sampleSize: number; institutionCodes?: string[] | null }
> = gql`
  mutation DrawSpotCheck($provinceCode: String!, $sampleSize: Int!, $institutionCodes: [String!]) {
    drawSpotCheck(provinceCode: $provinceCode, sampleSize: $sampleSize, institutionCodes: $institutionCodes) { ${CHECK} }
  }
`;
export const RECORD_SPOT_CHECK_RESULT: TypedDocumentNode<
  { recordSpotCheckResult: SpotCheckView },
  { spotCheckId: string; pupilId: string; result: SpotCheckResult; note?: string | null }
> = gql`
  mutation RecordSpotCheckResult($spotCheckId: ID!, $pupilId: ID!, $result: SpotCheckResult!, $note: String) {
    recordSpotCheckResult(spotCheckId: $spotCheckId, pupilId: $pupilId, result: $result, note: $note) { ${CHECK} }
  }
`;
export const SPOT_CHECK_FLAGS: TypedDocumentNode<
  { spotCheckFlags: { spotCheckId: string; open: boolean; roundId: string; pupil: SpotCheckPupilView }[] },
  { orgUnitCode: string }
> = gql`
  query SpotCheckFlags($orgUnitCode: String!) {
    spotCheckFlags(orgUnitCode: $orgUnitCode) { spotCheckId open roundId pupil { ${PUPIL} } }
  }
`;
