import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { badInput } from '../shared/errors';
import { cleanText } from '../shared/text-input';

/**
 * Every string an operation brings, inline in the query or in its variables, passes the one text
 * rule (src/shared/text-input.ts) before any resolver runs: refused with BAD_USER_INPUT and
 * `extensions.fields` naming the field, else normalised in place (NFC, trimmed). Done once per
 * operation in Apollo rather than as a resolver middleware, which would wrap every field.
 */

/** Secrets are checked but never changed: a trimmed or re-normalised password would not match. */
const VERBATIM = /password/i;

type Problems = Record<string, string>;

/** Field names as class-validator reports them: the innermost name (`nationality`, `pupilId`). */
function cleanValue(value: unknown, name: string, problems: Problems, depth = 0): unknown {
  if (typeof value === 'string') {
    const r = cleanText(value, { verbatim: VERBATIM.test(name) });
    if (r.ok) return r.value;
    problems[name] ??= r.problem;
    return value;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanValue(value[i], name, problems, depth + 1);
    return value;
  }
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    const k = cleanText(key);
    if (!k.ok) problems[name] ??= k.problem;
    o[key] = cleanValue(o[key], key, problems, depth + 1);
  }
  return value;
}

/** The strings written in the query itself; the (cached) document is normalised in place, which is idempotent. */
function cleanDocument(document: DocumentNode, problems: Problems): void {
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      let name = 'query';
      const chain = [...ancestors, parent];
      for (let i = chain.length - 1; i >= 0; i--) {
        const a = chain[i] as ASTNode | undefined;
        if (a && !Array.isArray(a) && (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD)) {
          name = a.name.value;
          break;
        }
      }
      const r = cleanText(node.value, { verbatim: VERBATIM.test(name) });
      if (!r.ok) problems[name] ??= r.problem;
      else if (r.value !== node.value) (node as { value: string }).value = r.value;
    },
  });
}

export function inputSanitiserPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const problems: Problems = {};
          cleanDocument(document, problems);
          const variables = request.variables as Record<string, unknown> | undefined;
          if (variables)
            for (const k of Object.keys(variables)) variables[k] = cleanValue(variables[k], k, problems);
          if (Object.keys(problems).length === 0) return;
          const refusal = badInput(problems);
          throw new GraphQLError(refusal.message, {
            originalError: refusal,
            extensions: { http: { status: 200 } },
          });
        },
      };
    },
  };
}
