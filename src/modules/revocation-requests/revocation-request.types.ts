import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { DatasetEnum } from '../confirmation/confirmation.types';
import type { Dataset } from '../chain/dataset';
import type { RequestStatus } from './revocation-requests.reads';

export const RevocationRequestStatusEnum = enumOf<RequestStatus>(['OPEN', 'REVOKED', 'REFUSED']);
registerEnumType(RevocationRequestStatusEnum, {
  name: 'RevocationRequestStatus',
  description: 'OPEN รอพิจารณา, REVOKED ยกเลิกการยืนยันตามคำขอแล้ว, REFUSED ปฏิเสธพร้อมเหตุผล',
});

@ObjectType({ description: 'คำขอให้หน่วยงานระดับที่สูงกว่ายกเลิกการยืนยันข้อมูล' })
export class RevocationRequest {
  @Field(() => ID) id: string;
  @Field(() => ID) roundId: string;
  @Field(() => DatasetEnum) dataset: Dataset;
  @Field({ description: 'เหตุผลที่ขอ' }) reason: string;
  @Field(() => RevocationRequestStatusEnum) status: RequestStatus;
  @Field({ description: 'ขอเมื่อ' }) requestedAt: Date;
  @Field(() => Date, { nullable: true, description: 'พิจารณาเมื่อ (ยกเลิกการยืนยันหรือปฏิเสธ)' })
  answeredAt: Date | null;
  @Field(() => String, { nullable: true, description: 'เหตุผลของผู้พิจารณา (เหตุผลที่ยกเลิก หรือที่ปฏิเสธ)' })
  answerReason: string | null;
}
