/** An event as a module declares it: `type` equals the type's name, data are plain JSON. */
export interface Event<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** Who did it and when, kept apart from the event's data. */
export interface EventMetadata {
  /** The account that acted; null for the system itself (bootstrap, migrations, rebuilds). */
  accountId: string | null;
  /** The profile in force for that account: the responsible person at that moment. */
  profileId: string | null;
  /** The org unit the account belongs to. */
  orgUnitCode: string | null;
  requestId: string;
  /** ISO 8601 instant at which the command was handled. */
  at: string;
}

/** An event as stored; distributes over a union so `switch (e.type)` narrows `e.data`. */
export type RecordedEvent<E extends Event = Event> = E extends Event
  ? {
      globalPosition: number;
      streamId: string;
      streamVersion: number;
      type: E['type'];
      data: E['data'];
      metadata: EventMetadata;
      recordedAt: Date;
    }
  : never;

export function systemMetadata(requestId = 'system'): EventMetadata {
  return { accountId: null, profileId: null, orgUnitCode: null, requestId, at: new Date().toISOString() };
}
