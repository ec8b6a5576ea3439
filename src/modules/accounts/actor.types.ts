import { Field, ObjectType } from 'type-graphql';
import { Profile } from './account.types';

/** Who did something: the account and the responsible person (profile) in force at the time. */
@ObjectType({ description: 'ผู้ดำเนินการ: บัญชีผู้ใช้งานและผู้รับผิดชอบ (Profile) ในขณะนั้น' })
export class Actor {
  @Field(() => String, { nullable: true, description: 'ชื่อผู้ใช้งาน (ว่างถ้าเป็นระบบ)' })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'หน่วยงานของบัญชี' })
  orgUnitCode?: string | null;

  @Field(() => Profile, { nullable: true, description: 'ผู้รับผิดชอบในขณะนั้น' })
  profile: Profile | null;
}

export interface ActorKey {
  accountId: string | null;
  profileId: string | null;
}

export function actorKey(k: ActorKey): string {
  return `${k.accountId ?? ''}|${k.profileId ?? ''}`;
}
