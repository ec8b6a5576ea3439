import type { RecordedEvent } from '../../event-store/event';
import type { Projection } from '../../event-store/projection';
import { BudgetRatesRow } from './budget-rates.entity';
import { budgetRatesEventTypes, type BudgetRatesEvent } from './budget-rates.events';

const money = (x: number | null) => (x === null ? null : x.toFixed(2));

export const budgetRatesProjection: Projection = {
  name: 'budget-rates',
  handles: budgetRatesEventTypes,
  tables: ['budget_rates'],
  async apply(tx, events) {
    for (const e of events as readonly RecordedEvent<BudgetRatesEvent>[]) {
      switch (e.type) {
        case 'BudgetRatesSet': {
          const d = e.data;
          await tx.upsert(
            BudgetRatesRow,
            {
              effectiveFrom: d.effectiveFrom,
              lunchBands: d.lunchBands,
              lunchDays: d.lunchDays,
              milkPasteurisedPerBag: money(d.milkPasteurisedPerBag)!,
              milkUhtPerBox: money(d.milkUhtPerBox)!,
              milkDays: d.milkDays,
              cdcLunchPerDay: money(d.cdcLunchPerDay),
              cdcLunchDays: d.cdcLunchDays,
              note: d.note,
              setAt: new Date(e.metadata.at),
              setByAccount: e.metadata.accountId,
              setByProfile: e.metadata.profileId,
            },
            ['effectiveFrom'],
          );
          break;
        }
      }
    }
  },
};
