import { Field, InputType } from 'type-graphql';
import { DatasetEnum } from './confirmation.types';
import type { Dataset } from '../chain/dataset';

@InputType()
export class ConfirmationTargetInput {
  @Field() orgUnitCode: string;
  @Field(() => DatasetEnum) dataset: Dataset;
}
