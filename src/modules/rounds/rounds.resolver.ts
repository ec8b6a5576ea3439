import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { metadataOf, type GraphQLContext } from '../../graphql/context';
import { badInput } from '../../shared/errors';
import { requireKind, requireViewer } from '../access/policy';
import { lockRounds } from './rounds-lock';
import { RoundExtensionRow, RoundRow } from './round.entity';
import { roundsDecider, type RoundCommand } from './round.decider';
import { ROUNDS_STREAM } from './round.events';
import { DeadlineExtension, Round } from './round.types';
import { RoundDeadlinesInput, RoundInput } from './round.input';

@Resolver(() => Round)
export class RoundsResolver {
  private async run(ctx: GraphQLContext, command: RoundCommand, roundId: string): Promise<RoundRow> {
    requireKind(ctx.viewer, 'DEPARTMENT');
    return ctx.store.transaction(async (tx) => {
      // No confirmation may be half-way through a round that closes or moves under it.
      await lockRounds(tx);
      await ctx.store.decide(tx, ROUNDS_STREAM, roundsDecider, command, metadataOf(ctx));
      return tx.findOneByOrFail(RoundRow, { id: roundId });
    });
  }

  @Query(() => Round, { nullable: true, description: 'รอบที่เปิดอยู่ (ว่างถ้าไม่มี)' })
  async currentRound(@Ctx() ctx: GraphQLContext): Promise<RoundRow | null> {
    requireViewer(ctx.viewer);
    return ctx.dataSource.manager.findOneBy(RoundRow, { status: 'OPEN' });
  }

  @Query(() => [Round], { description: 'ทุกรอบ ล่าสุดก่อน' })
  async rounds(@Ctx() ctx: GraphQLContext): Promise<RoundRow[]> {
    requireViewer(ctx.viewer);
    return ctx.dataSource.manager.find(RoundRow, { order: { academicYear: 'DESC', roundNo: 'DESC' } });
  }

  @Mutation(() => Round, { description: 'กรมเปิดรอบการบันทึกข้อมูล พร้อมกำหนดวันที่' })
  openRound(@Arg('input', () => RoundInput) input: RoundInput, @Ctx() ctx: GraphQLContext) {
    return this.run(ctx, { type: 'OpenRound', input }, `${input.academicYear}-${input.roundNo}`);
  }

  @Mutation(() => Round, { description: 'กรมเลื่อนกำหนดวันที่ของรอบ' })
  changeRoundDeadlines(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('input', () => RoundDeadlinesInput) input: RoundDeadlinesInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return this.run(ctx, { type: 'ChangeRoundDeadlines', roundId, deadlines: input }, roundId);
  }

  @Mutation(() => Round, { description: 'กรมขยายเวลาให้หน่วยงานหนึ่ง' })
  async grantDeadlineExtension(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('orgUnitCode', () => String) orgUnitCode: string,
    @Arg('until', () => String) until: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    requireKind(ctx.viewer, 'DEPARTMENT');
    if (!(await ctx.loaders.orgUnit.load(orgUnitCode)))
      throw badInput({ orgUnitCode: `ไม่พบหน่วยงานรหัส ${orgUnitCode}` });
    return this.run(
      ctx,
      { type: 'ExtendDeadline', roundId, orgUnitCode, until, reason: reason.slice(0, 500) },
      roundId,
    );
  }

  @Mutation(() => Round, { description: 'กรมปิดรอบการบันทึกข้อมูล' })
  closeRound(@Arg('roundId', () => ID) roundId: string, @Ctx() ctx: GraphQLContext) {
    return this.run(ctx, { type: 'CloseRound', roundId }, roundId);
  }

  @FieldResolver(() => [DeadlineExtension], { description: 'หน่วยงานที่ได้รับการขยายเวลา' })
  extensions(@Root() round: RoundRow, @Ctx() ctx: GraphQLContext): Promise<RoundExtensionRow[]> {
    return ctx.dataSource.manager.find(RoundExtensionRow, {
      where: { roundId: round.id },
      order: { orgUnitCode: 'ASC' },
    });
  }
}
