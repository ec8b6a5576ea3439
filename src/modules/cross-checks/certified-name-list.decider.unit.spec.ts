import { certifiedNameListDecider, type StoreCertifiedNameList } from './certified-name-list.decider';
import type { CertifiedNameListEvent } from './certified-name-list.events';
import { fold } from '../../event-store/decider';

const command = (roundId: string, fileDigest: string): StoreCertifiedNameList => ({
  type: 'StoreCertifiedNameList',
  roundId,
  schoolCode: 'S1',
  laoCode: 'L1',
  fileDigest,
  fileBytes: 100,
  rows: 1,
  invalidRows: 0,
  pupils: [{ citizenId: '1101700203451', grade: 'P1', sex: 'MALE' }],
});

describe('a funded school certified name lists', () => {
  const stored = (roundId: string, digest: string): CertifiedNameListEvent =>
    certifiedNameListDecider.decide(command(roundId, digest), new Map())[0];

  it('stores a list with its digest, and a different file for the same round supersedes it', () => {
    const state = fold(certifiedNameListDecider, [stored('2569-1', 'a')]);
    const next = certifiedNameListDecider.decide(command('2569-1', 'b'), state);
    expect(next).toHaveLength(1);
    expect(next[0].data).toMatchObject({ roundId: '2569-1', fileDigest: 'b', schoolCode: 'S1' });
  });

  it('appends nothing for the same file in the same round, but keeps it again for another round', () => {
    const state = fold(certifiedNameListDecider, [stored('2569-1', 'a')]);
    expect(certifiedNameListDecider.decide(command('2569-1', 'a'), state)).toEqual([]);
    expect(certifiedNameListDecider.decide(command('2569-2', 'a'), state)).toHaveLength(1);
  });
});
