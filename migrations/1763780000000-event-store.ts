import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only event log and its streams. Events can be neither changed nor removed. */
export class EventStore1763780000000 implements MigrationInterface {
  name = 'EventStore1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE streams (
      stream_id   varchar(200) PRIMARY KEY,
      stream_type varchar(100) NOT NULL,
      version     bigint       NOT NULL CHECK (version > 0),
      updated_at  timestamptz  NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE events (
      global_position bigserial    PRIMARY KEY,
      stream_id       varchar(200) NOT NULL REFERENCES streams (stream_id),
      stream_version  bigint       NOT NULL,
      type            varchar(100) NOT NULL,
      data            jsonb        NOT NULL,
      metadata        jsonb        NOT NULL,
      recorded_at     timestamptz  NOT NULL DEFAULT now(),
      CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
    )`);
    await q.query(`CREATE INDEX events_type_idx ON events (type)`);
    await q.query(`CREATE FUNCTION lec_events_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION lec_events_are_immutable()`);
    await q.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION lec_events_are_immutable()`);
    await q.query(`CREATE TRIGGER streams_no_delete BEFORE DELETE ON streams
      FOR EACH ROW EXECUTE FUNCTION lec_events_are_immutable()`);
    await q.query(`CREATE TRIGGER streams_no_truncate BEFORE TRUNCATE ON streams
      FOR EACH STATEMENT EXECUTE FUNCTION lec_events_are_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE events`);
    await q.query(`DROP TABLE streams`);
    await q.query(`DROP FUNCTION lec_events_are_immutable()`);
  }
}
