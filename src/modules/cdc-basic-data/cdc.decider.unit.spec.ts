import { fold } from '../../event-store/decider';
import { cdcDecider, type CdcCommand } from './cdc.decider';
import type { CdcEvent } from './cdc.events';

const entry = {
  teachers: 1,
  caregivers: 2,
  classrooms: 2,
  capacity: 30,
  buildingType: 'OWN_BUILDING',
  lunchProvision: 'BUYS',
};
const cdc: CdcCommand['cdc'] = { code: '5400401001', kind: 'CDC' };
const record = (over: Partial<CdcCommand['entry']> = {}, unit = cdc): CdcCommand => ({
  type: 'RecordCdcBasicData',
  cdc: unit,
  entry: { ...entry, ...over },
});
const decide = (given: CdcEvent[], command: CdcCommand) =>
  cdcDecider.decide(command, fold(cdcDecider, given));

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
});
