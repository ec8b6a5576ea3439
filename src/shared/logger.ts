import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Personal data are never logged: request bodies and GraphQL variables
 * are not, and the redact paths are a second line of defence for fields that slip into a log call.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'lec' },
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
  });
}
