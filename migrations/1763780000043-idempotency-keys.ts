import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1763780000043 implements MigrationInterface {
  name = 'IdempotencyKeys1763780000043';

  async up(q: QueryRunner): Promise<void> {
    // A command sent with an idempotency key (the client's offline queue): recorded in the transaction
    // that appends its events, with the result returned, so a replay returns it and appends nothing.
    // Not a projection: a record of requests, kept beside the events (never rebuilt from them).
    await q.query(`CREATE TABLE idempotency_keys (
      key            varchar(100) PRIMARY KEY,
      account_id     varchar(36)  NOT NULL,
      operation      varchar(60)  NOT NULL,
      stream_id      varchar(200) NOT NULL,
      first_position bigint,
      last_position  bigint,
      result         jsonb        NOT NULL,
      created_at     timestamptz  NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX idempotency_keys_stream_idx ON idempotency_keys (stream_id, first_position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
