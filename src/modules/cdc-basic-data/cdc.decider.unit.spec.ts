import { fold } from '../../event-store/decider';
import { cdcDecider, type CdcCommand } from './cdc.decider';
import type { CdcEvent } from './cdc.events';
import type { ConfirmationEvent } from '../confirmation/confirmation.events';

const entry = {
  teachers: 1,
  caregivers: 2,
  classrooms: 2,
  capacity: 30,
  buildingType: 'OWN_BUILDING',
  lunchProvision: 'BUYS',
};
const cdc: CdcCommand['cdc'] = { code: '5400401001', kind: 'CDC' };
const record = (
  over: Partial<CdcCommand['entry']> = {},
  unit = cdc,
  openRoundId: string | null = null,
): CdcCommand => ({
  type: 'RecordCdcBasicData',
  cdc: unit,
  entry: { ...entry, ...over },
  openRoundId,
});
const decide = (given: (CdcEvent | ConfirmationEvent)[], command: CdcCommand) =>
  cdcDecider.decide(command, fold(cdcDecider, given)) as CdcEvent[];

describe('CDC decider: recording basic data', () => {
  const first = decide([], record());

  it('records version 1 of the whole record', () => {
    expect(first).toEqual([
      {
        type: 'CdcBasicDataRecorded',
        data: {
          cdcCode: cdc.code,
          version: 1,
          data: { ...entry, buildingTypeOther: null, lunchProvisionOther: null, notes: null },
        },
      },
    ]);
  });

  it('records a change as the next version, and the same facts again as nothing', () => {
    const second = decide(first, record({ capacity: 35 }));
    expect(second.map((e) => [e.data.version, e.data.data.capacity])).toEqual([[2, 35]]);
    expect(decide([...first, ...second], record({ capacity: 35, notes: '   ' }))).toEqual([]);
    expect(decide([...first, ...second], record()).map((e) => e.data.version)).toEqual([3]);
  });

  it('refuses a unit that is not a CDC, and bad input, with the field named', () => {
    expect(() => decide([], record({}, { code: '5400401002', kind: 'SCHOOL' }))).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: { cdcCode: expect.any(String) } },
      }),
    );
    expect(() => decide(first, record({ capacity: -1 }))).toThrow(
      expect.objectContaining({ details: { fields: { capacity: expect.stringMatching(/ไม่ติดลบ/) } } }),
    );
  });

  describe('lock while confirmed (DOMAIN.md, Confirmation 2)', () => {
    const confirmed = (roundId: string): ConfirmationEvent => ({
      type: 'DatasetConfirmed',
      data: {
        roundId,
        orgUnitCode: cdc.code,
        dataset: 'CDC_BASIC_DATA',
        total: null,
        counts: [],
        basicDataVersion: 1,
        deadline: '2026-06-30',
        late: false,
      },
    });
    const revoked = (
      roundId: string,
      dataset: 'CDC_BASIC_DATA' | 'CHILDREN' = 'CDC_BASIC_DATA',
    ): ConfirmationEvent => ({
      type: 'ConfirmationRevoked',
      data: { roundId, orgUnitCode: cdc.code, dataset, reason: 'แก้ไข', revokedByUnitCode: '5400401' },
    });

    it('refuses a change while the basic data stand confirmed in the open round', () => {
      expect(() => decide([...first, confirmed('2569-1')], record({ capacity: 40 }, cdc, '2569-1'))).toThrow(
        expect.objectContaining({ code: 'DATA_CONFIRMED' }),
      );
    });

    it('accepts it once revoked, or once that round is no longer the open one', () => {
      expect(
        decide([...first, confirmed('2569-1'), revoked('2569-1')], record({ capacity: 40 }, cdc, '2569-1')),
      ).toHaveLength(1);
      expect(decide([...first, confirmed('2569-1')], record({ capacity: 40 }, cdc, null))).toHaveLength(1);
      expect(decide([...first, confirmed('2569-1')], record({ capacity: 40 }, cdc, '2569-2'))).toHaveLength(
        1,
      );
    });

    it('is not released by revoking another dataset of the centre', () => {
      expect(() =>
        decide(
          [...first, confirmed('2569-1'), revoked('2569-1', 'CHILDREN')],
          record({ capacity: 40 }, cdc, '2569-1'),
        ),
      ).toThrow(expect.objectContaining({ code: 'DATA_CONFIRMED' }));
    });
  });
});
