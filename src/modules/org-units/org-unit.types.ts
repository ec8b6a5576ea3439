import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { laoTypes, orgUnitKinds, type LaoType, type OrgUnitKind } from '../chain/org-unit-kind';
import { enumOf } from '../../graphql/enum-of';

export const OrgUnitKindEnum = enumOf(orgUnitKinds);
export const LaoTypeEnum = enumOf(laoTypes);
registerEnumType(OrgUnitKindEnum, {
  name: 'OrgUnitKind',
  description: 'กรม จังหวัด อปท. โรงเรียน ศูนย์พัฒนาเด็กเล็ก สถานศึกษาสังกัดอื่น',
});
registerEnumType(LaoTypeEnum, { name: 'LaoType', description: 'อบจ. เทศบาลนคร เทศบาลเมือง เทศบาลตำบล อบต.' });

@ObjectType({ description: 'หน่วยงาน: กรม จังหวัด อปท. หรือสถานศึกษา' })
export class OrgUnit {
  @Field({ description: 'รหัสหน่วยงาน (ชื่อผู้ใช้งานของหน่วยงาน)' })
  code: string;

  @Field()
  name: string;

  @Field(() => OrgUnitKindEnum)
  kind: OrgUnitKind;

  @Field(() => String, { nullable: true, description: 'อำเภอ' })
  district: string | null;

  @Field(() => LaoTypeEnum, { nullable: true })
  laoType: LaoType | null;

  @Field(() => String, { nullable: true, description: 'รหัสสถานศึกษา 10 หลักของกระทรวงศึกษาธิการ' })
  ministryCode: string | null;

  @Field(() => String, { nullable: true })
  provinceCode: string | null;

  @Field(() => String, { nullable: true })
  laoCode: string | null;

  parentCode: string | null;
}
