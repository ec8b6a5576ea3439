import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumOf } from '../../graphql/enum-of';
import { noticeAudienceKinds, type NoticeAudienceKind } from './notice.events';

export const NoticeAudienceKindEnum = enumOf(noticeAudienceKinds);
registerEnumType(NoticeAudienceKindEnum, {
  name: 'NoticeAudienceKind',
  description: 'PROVINCE จังหวัด, LAO อปท., SCHOOL โรงเรียน, CDC ศูนย์พัฒนาเด็กเล็ก',
});

@InputType({ description: 'ประกาศ: หัวเรื่อง ข้อความ และผู้รับ (ว่าง = ทั้งหมด)' })
export class NoticeInput {
  @Field() @Length(1, 200) title: string;
  @Field() @Length(1, 5000) body: string;
  @Field(() => [String], { nullable: true, description: 'กรม: เฉพาะจังหวัดเหล่านี้ (และหน่วยงานในจังหวัด)' })
  @IsOptional()
  @ArrayMaxSize(76)
  provinceCodes?: string[] | null;
  @Field(() => [String], {
    nullable: true,
    description: 'จังหวัด: เฉพาะ อปท. (พร้อมสถานศึกษาในสังกัด) หรือสถานศึกษาเหล่านี้',
  })
  @IsOptional()
  @ArrayMaxSize(2000)
  orgUnitCodes?: string[] | null;
  @Field(() => [NoticeAudienceKindEnum], { nullable: true, description: 'เฉพาะหน่วยงานระดับเหล่านี้' })
  @IsOptional()
  kinds?: NoticeAudienceKind[] | null;
}

@ObjectType({ description: 'ประกาศจากกรมหรือจังหวัด' })
export class Notice {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true, description: 'รอบที่ประกาศนี้เกี่ยวข้อง (ประกาศที่ระบบส่งเมื่อเปิดรอบ)' })
  roundId: string | null;
  @Field({ description: 'ประกาศเมื่อ' }) postedAt: Date;
  @Field(() => Date, { nullable: true, description: 'หน่วยงานของผู้ใช้อ่านเมื่อ' }) readAt: Date | null;
  @Field(() => [String], { nullable: true, description: 'ส่งถึงจังหวัด (ว่าง = ทั้งหมด)' }) provinceCodes:
    string[] | null;
  @Field(() => [String], { nullable: true, description: 'ส่งถึงหน่วยงาน (ว่าง = ทั้งหมด)' }) unitCodes:
    string[] | null;
  @Field(() => [NoticeAudienceKindEnum], { nullable: true, description: 'ส่งถึงระดับ (ว่าง = ทุกระดับ)' })
  kinds: NoticeAudienceKind[] | null;
}
