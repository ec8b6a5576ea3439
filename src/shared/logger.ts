import pino from 'pino';
import { redactLine } from './log-redaction';

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** A file to append to instead of stderr (the tests' whole-suite log: LEC_TEST_LOG_FILE). */
  file?: string;
}

/** An error as logged: its type, message, code and stack, never the parameters of a failed SQL statement. */
function serializeError(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const out = pino.stdSerializers.err(e) as unknown as Record<string, unknown>;
  // TypeORM's QueryFailedError carries the statement's parameters (a whole event batch, with
  // citizen IDs); pg's DatabaseError carries them nowhere but `detail` names the offending key.
  delete out.parameters;
  delete out.driverError;
  if (typeof out.query === 'string') out.query = out.query.slice(0, 300);
  const driver = (e as { driverError?: { code?: unknown } }).driverError;
  if (driver?.code) out.sqlState = driver.code;
  return out;
}

/**
 * The one logger of LEC: JSON lines on stderr (stdout is left to the one-time start banners).
 * Personal data are never logged on purpose: request bodies and GraphQL variables are not. The
 * redact paths and the pattern pass over every line (log-redaction.ts) are the second and third
 * lines of defence, for whatever slips into a log call.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const destination = options.file
    ? pino.destination({ dest: options.file, append: true, sync: true, mkdir: true })
    : pino.destination({ dest: 2, sync: true });
  return pino(
    {
      level,
      base: { service: 'lec' },
      // ISO time, not epoch milliseconds: 13 digits that might pass the citizen-ID check.
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: [
          'citizenId',
          '*.citizenId',
          'password',
          '*.password',
          'newPassword',
          '*.newPassword',
          'token',
          '*.token',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
      hooks: { streamWrite: redactLine },
    },
    destination,
  );
}
