import type { Decider } from '../../event-store/decider';
import type { CertifiedNameListEvent, CertifiedNameListStored } from './certified-name-list.events';

export type StoreCertifiedNameList = { type: 'StoreCertifiedNameList' } & CertifiedNameListStored['data'];

/** The digest of the list in force per round. */
export type CertifiedNameListState = ReadonlyMap<string, string>;

/**
 * A funded school's certified lists, one in force per round. Storing the same file again (same
 * digest) for the round appends nothing: a second upload is not a second list.
 */
export const certifiedNameListDecider: Decider<
  CertifiedNameListState,
  StoreCertifiedNameList,
  CertifiedNameListEvent
> = {
  streamType: 'CertifiedNameList',
  initialState: () => new Map(),
  evolve: (state, e) => new Map(state).set(e.data.roundId, e.data.fileDigest),
  decide(command, state) {
    if (state.get(command.roundId) === command.fileDigest) return [];
    const { type: _type, ...data } = command;
    return [{ type: 'CertifiedNameListStored', data }];
  },
};
