import type { Event } from './event';

/** An aggregate as pure functions: `decide` turns a command into events, `evolve` folds them. */
export interface Decider<State, Command, E extends Event> {
  streamType: string;
  initialState(): State;
  evolve(state: State, event: E): State;
  /** Throws a LecError to refuse the command. */
  decide(command: Command, state: State): E[];
}

export function fold<State, E extends Event>(
  decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>,
  events: readonly E[],
): State {
  return events.reduce((s, e) => decider.evolve(s, e), decider.initialState());
}
