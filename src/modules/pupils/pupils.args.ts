import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { GradeEnum } from './pupil.types';
import type { Grade } from './rules/grades';

@ArgsType()
export class PupilsArgs {
  @Field() institutionCode: string;

  @Field(() => String, { nullable: true, description: 'ค้นหาด้วยชื่อ นามสกุล หรือเลขประจำตัวประชาชน' })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;

  @Field(() => GradeEnum, { nullable: true }) @IsOptional() grade?: Grade | null;

  @Field(() => Int, { defaultValue: 50 }) @Min(1) @Max(200) first: number = 50;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) after?: string | null;
}
