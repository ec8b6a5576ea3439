import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and profiles (projections), sessions, and the append-only sign-in audit trail. */
export class Accounts1763780000002 implements MigrationInterface {
  name = 'Accounts1763780000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE accounts (
      id                        varchar(36)  PRIMARY KEY,
      org_unit_code             varchar(20)  NOT NULL UNIQUE,
      username                  varchar(50)  NOT NULL UNIQUE,
      password_hash             varchar(200) NOT NULL,
      must_complete_first_login boolean      NOT NULL,
      profile_id                varchar(36),
      credentials_issued_at     timestamptz  NOT NULL,
      password_changed_at       timestamptz  NOT NULL
    )`);
    await q.query(`CREATE TABLE profiles (
      id         varchar(36)  PRIMARY KEY,
      account_id varchar(36)  NOT NULL,
      first_name varchar(100) NOT NULL,
      last_name  varchar(100) NOT NULL,
      position   varchar(150) NOT NULL,
      phone      varchar(20)  NOT NULL,
      started_at timestamptz  NOT NULL,
      ended_at   timestamptz
    )`);
    await q.query(`CREATE INDEX profiles_account_idx ON profiles (account_id, started_at)`);
    // Only a hash of the session token is stored: a leaked table does not sign anyone in.
    await q.query(`CREATE TABLE sessions (
      token_hash   varchar(64) PRIMARY KEY,
      account_id   varchar(36) NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      revoked_at   timestamptz,
      ip           varchar(64),
      user_agent   varchar(300)
    )`);
    await q.query(`CREATE INDEX sessions_account_idx ON sessions (account_id)`);
    await q.query(`CREATE TABLE auth_audit (
      id               bigserial   PRIMARY KEY,
      at               timestamptz NOT NULL DEFAULT now(),
      action           varchar(40) NOT NULL,
      username         varchar(50),
      account_id       varchar(36),
      org_unit_code    varchar(20),
      actor_account_id varchar(36),
      ip               varchar(64),
      user_agent       varchar(300),
      request_id       varchar(64)
    )`);
    await q.query(`CREATE INDEX auth_audit_username_idx ON auth_audit (username, at)`);
    await q.query(`CREATE INDEX auth_audit_ip_idx ON auth_audit (ip, at)`);
    await q.query(`CREATE TRIGGER auth_audit_no_update_delete BEFORE UPDATE OR DELETE ON auth_audit
      FOR EACH ROW EXECUTE FUNCTION lec_events_are_immutable()`);
    await q.query(`CREATE TRIGGER auth_audit_no_truncate BEFORE TRUNCATE ON auth_audit
      FOR EACH STATEMENT EXECUTE FUNCTION lec_events_are_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_audit`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE profiles`);
    await q.query(`DROP TABLE accounts`);
  }
}
