import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from '../shared/logger';

/** SQL statements are logged shortened: enough to find the statement, never a whole batch. */
const shorten = (sql: string) => (sql.length > 300 ? `${sql.slice(0, 300)}…` : sql);

const sqlStateOf = (e: unknown) =>
  typeof e === 'object' && e !== null && 'code' in e ? (e as { code: unknown }).code : undefined;

/**
 * TypeORM's log through LEC's logger, never with a statement's parameters (they hold citizen IDs
 * and names). A failed statement is logged at debug: the code that ran it decides whether the
 * failure was expected (a unique key → CONFLICT) or is logged as an error with its context.
 */
export class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug(
      { sqlState: sqlStateOf(error), query: shorten(query), message },
      'SQL statement failed',
    );
  }

  logQuerySlow(ms: number, query: string): void {
    this.logger.warn({ ms, query: shorten(query) }, 'slow SQL statement');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // TypeORM warns on every start that PGlite's pg-shaped driver takes no parseInt8 default: harmless.
    if (level === 'warn' && !/parseInt8/.test(String(message)))
      this.logger.warn({ message: String(message) }, 'typeorm');
    else this.logger.debug({ message: String(message) }, 'typeorm');
  }
}
