import { currentDataAsOf, noteAnswer, subscribeDataAsOf } from '../client/src/lib/data-as-of-note';

/** The web client keeps the "ข้อมูล ณ …" note of the latest query answered by a replica. */
describe('web client: data-as-of note', () => {
  const NOTE = 'ข้อมูล ณ 2 ธ.ค. 2569 เวลา 20:31:05 น.';

  it('shows the note of a query read from a replica, keeps it over a mutation, clears it when the primary answers', () => {
    const seen: (string | null)[] = [];
    const stop = subscribeDataAsOf(() => seen.push(currentDataAsOf()));
    noteAnswer('query', { readFrom: { source: 'REPLICA', note: NOTE } });
    expect(currentDataAsOf()).toBe(NOTE);
    noteAnswer('mutation', undefined);
    expect(currentDataAsOf()).toBe(NOTE);
    noteAnswer('query', {});
    expect(currentDataAsOf()).toBeNull();
    stop();
    noteAnswer('query', { readFrom: { note: NOTE } });
    expect(seen).toEqual([NOTE, null]);
  });
});
