import { defaultSnapshotDate, roundsDecider, type RoundsState } from './round.decider';
import type { RoundEvent } from './round.events';

const deadlines = {
  institutionDeadline: '2025-06-20',
  laoDeadline: '2025-06-25',
  provinceDeadline: '2025-06-26',
};
const given = (...events: RoundEvent[]): RoundsState =>
  events.reduce(roundsDecider.evolve, roundsDecider.initialState());
const opened = (year = 2568, no: 1 | 2 = 1): RoundEvent => ({
  type: 'RoundOpened',
  data: {
    roundId: `${year}-${no}`,
    academicYear: year,
    roundNo: no,
    snapshotDate: defaultSnapshotDate(year, no),
    ...deadlines,
  },
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'accepted';
};

describe('rounds', () => {
  it('snapshot dates default to 10 June (round 1) and 10 November (round 2) of the academic year', () => {
    expect(defaultSnapshotDate(2568, 1)).toBe('2025-06-10');
    expect(defaultSnapshotDate(2567, 2)).toBe('2024-11-10');
  });

  it('opens a round with the default snapshot date', () => {
    expect(
      roundsDecider.decide(
        { type: 'OpenRound', input: { academicYear: 2568, roundNo: 1, ...deadlines } },
        given(),
      ),
    ).toEqual([opened()]);
  });

  it('keeps at most one round open at a time', () => {
    const input = {
      academicYear: 2568,
      roundNo: 2,
      ...deadlines,
      institutionDeadline: '2025-11-20',
      laoDeadline: '2025-11-25',
      provinceDeadline: '2025-11-26',
    };
    expect(codeOf(() => roundsDecider.decide({ type: 'OpenRound', input }, given(opened())))).toBe(
      'BAD_USER_INPUT',
    );
    const closed = given(opened(), { type: 'RoundClosed', data: { roundId: '2568-1' } });
    expect(roundsDecider.decide({ type: 'OpenRound', input }, closed)).toHaveLength(1);
  });

  it('does not open the same round twice', () => {
    const closed = given(opened(), { type: 'RoundClosed', data: { roundId: '2568-1' } });
    expect(
      codeOf(() =>
        roundsDecider.decide(
          { type: 'OpenRound', input: { academicYear: 2568, roundNo: 1, ...deadlines } },
          closed,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('wants deadlines in order: institutions, then LAOs, then provinces', () => {
    const bad = {
      academicYear: 2568,
      roundNo: 1,
      institutionDeadline: '2025-06-20',
      laoDeadline: '2025-06-19',
      provinceDeadline: '2025-06-26',
    };
    expect(codeOf(() => roundsDecider.decide({ type: 'OpenRound', input: bad }, given()))).toBe(
      'BAD_USER_INPUT',
    );
    const ce = { academicYear: 2025, roundNo: 1, ...deadlines };
    expect(codeOf(() => roundsDecider.decide({ type: 'OpenRound', input: ce }, given()))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses to change or close a closed round with ROUND_CLOSED', () => {
    const closed = given(opened(), { type: 'RoundClosed', data: { roundId: '2568-1' } });
    expect(codeOf(() => roundsDecider.decide({ type: 'CloseRound', roundId: '2568-1' }, closed))).toBe(
      'ROUND_CLOSED',
    );
    expect(
      codeOf(() =>
        roundsDecider.decide({ type: 'ChangeRoundDeadlines', roundId: '2568-1', deadlines }, closed),
      ),
    ).toBe('ROUND_CLOSED');
    expect(
      codeOf(() =>
        roundsDecider.decide(
          {
            type: 'ExtendDeadline',
            roundId: '2568-1',
            orgUnitCode: '54',
            until: '2025-07-01',
            reason: 'น้ำท่วม',
          },
          closed,
        ),
      ),
    ).toBe('ROUND_CLOSED');
  });

  it('grants one unit an extension with a reason', () => {
    const events = roundsDecider.decide(
      {
        type: 'ExtendDeadline',
        roundId: '2568-1',
        orgUnitCode: '5540101',
        until: '2025-07-01',
        reason: ' น้ำท่วมโรงเรียน ',
      },
      given(opened()),
    );
    expect(events).toEqual([
      {
        type: 'DeadlineExtended',
        data: { roundId: '2568-1', orgUnitCode: '5540101', until: '2025-07-01', reason: 'น้ำท่วมโรงเรียน' },
      },
    ]);
  });
});
