import { gql, type TypedDocumentNode } from '@apollo/client';

export type CdcBuildingType = 'OWN_BUILDING' | 'IN_SCHOOL' | 'IN_TEMPLE' | 'OTHER';
export type CdcLunchProvision = 'COOKS_ITSELF' | 'BUYS' | 'OTHER';
export interface CdcBasicDataInput {
  buildingType: CdcBuildingType;
  buildingTypeOther?: string | null;
  capacity: number;
  caregivers: number;
  classrooms: number;
  teachers: number;
  lunchProvision: CdcLunchProvision;
  lunchProvisionOther?: string | null;
  notes?: string | null;
}
export interface CdcBasicDataView extends CdcBasicDataInput {
  version: number;
  recordedAt: string;
}
const VIEW = `version recordedAt buildingType buildingTypeOther capacity caregivers classrooms teachers
  lunchProvision lunchProvisionOther notes`;

export const CDC_BASIC_DATA: TypedDocumentNode<
  { cdcBasicData: CdcBasicDataView | null },
  { cdcCode: string }
> = gql`
  query CdcBasicData($cdcCode: String!) { cdcBasicData(cdcCode: $cdcCode) { ${VIEW} } }
`;
export const RECORD_CDC_BASIC_DATA: TypedDocumentNode<
  { recordCdcBasicData: CdcBasicDataView },
  { cdcCode: string; input: CdcBasicDataInput }
> = gql`
  mutation RecordCdcBasicData($cdcCode: String!, $input: CdcBasicDataInput!) {
    recordCdcBasicData(cdcCode: $cdcCode, input: $input) { ${VIEW} }
  }
`;
