import { Field, ObjectType } from 'type-graphql';

/** Who did something: the account and the responsible person (profile) in force at the time. */
@ObjectType({ description: 'ผู้ดำเนินการ: บัญชีผู้ใช้งานและผู้รับผิดชอบในขณะนั้น' })
export class Actor {
  @Field(() => String, { nullable: true, description: 'ชื่อผู้ใช้งาน (ว่างถ้าเป็นระบบ)' })
  username: string | null;

  @Field(() => String, { nullable: true })
  orgUnitCode: string | null;

  @Field(() => String, { nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true })
  lastName: string | null;

  @Field(() => String, { nullable: true })
  position: string | null;
}

export interface ActorKey {
  accountId: string | null;
  profileId: string | null;
}

export function actorKey(k: ActorKey): string {
  return `${k.accountId ?? ''}|${k.profileId ?? ''}`;
}
