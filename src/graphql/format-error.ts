import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { defaultMessages, isLecError } from '../shared/errors';
import { argumentsOfError, coercionProblem, thaiConstraint } from './input-errors';
import type { Logger } from '../shared/logger';

/** Apollo's own codes for requests that never reach a resolver. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);

interface ValidationErrorLike {
  property: string;
  value?: unknown;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function fieldsOf(errors: ValidationErrorLike[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const name = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints)
      out[name] = Object.entries(e.constraints)
        .map(([constraint, message]) => thaiConstraint(name, constraint, message, e.value))
        .join(', ');
    if (e.children?.length) Object.assign(out, fieldsOf(e.children, name));
  }
  return out;
}

/**
 * The one place where errors become GraphQL errors: a LecError keeps its code and Thai message;
 * malformed requests become BAD_USER_INPUT; anything unexpected is logged (without variables,
 * which may hold personal data) and answered with a plain Thai message, never a stack trace.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (isLecError(original)) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = fieldsOf(original.extensions.validationErrors as ValidationErrorLike[]);
      return {
        ...base,
        message: `${defaultMessages.BAD_USER_INPUT}: ${Object.values(fields).join(', ')}`,
        extensions: { code: 'BAD_USER_INPUT', fields },
      };
    }
    const code = formatted.extensions?.code;
    // A variable GraphQL could not coerce (an enum not chosen, a word in a number): Thai, at its field.
    const paths = error && typeof error === 'object' ? argumentsOfError.get(error) : undefined;
    const coercion =
      code === 'BAD_USER_INPUT' ? coercionProblem(formatted.message, (v) => paths?.get(v)) : null;
    if (coercion) {
      return {
        ...base,
        message: `${defaultMessages.BAD_USER_INPUT}: ${coercion.message}`,
        extensions: { code: 'BAD_USER_INPUT', fields: coercion.fields },
      };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return {
        ...base,
        message: `คำขอไม่ถูกต้อง: ${formatted.message}`,
        extensions: { code: 'BAD_USER_INPUT', reason: code },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in GraphQL operation');
    return {
      ...base,
      message: 'ระบบขัดข้อง กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
