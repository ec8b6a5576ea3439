import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { LecError } from '../shared/errors';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Limits on one GraphQL operation, so that no single request can occupy the database: graphql-armor's
 * depth and alias rules, and a cost budget computed by graphql-query-complexity before anything runs.
 * Every refusal is BAD_USER_INPUT with a Thai message (format-error.ts maps validation failures).
 */

/** The web client's deepest query is 5 levels; GraphiQL's introspection is not counted. */
export const MAX_DEPTH = 8;
/**
 * The client's widest page asks for 16 counts side by side (an institution's pupils by grade,
 * client/src/pages/institution/pupil-counts.tsx); 500 aliases of one expensive field are an attack.
 */
export const MAX_ALIASES = 30;
/** The cost budget of one operation (the client's dearest operation costs well under a tenth of it). */
export const MAX_COST = 10_000;
/** What a list is assumed to hold when nothing (a `first` argument) says: a unit's children, a page. */
export const DEFAULT_LIST_SIZE = 5;

/**
 * Fields that cost far more than a row read, priced here in one place: counts aggregate a whole
 * subtree, as-of figures replay events, budget and progress walk every unit below.
 */
export const FIELD_COSTS: Record<string, number> = {
  'Query.enrolmentCounts': 100,
  'Query.enrolmentCountsAsOf': 1_000,
  'Query.budgetPreview': 200,
  'Query.confirmationProgress': 200,
  'Query.confirmationStatus': 100,
  'Query.pupils': 10,
  'Query.spotCheckFlags': 100,
  'Query.otherSchools': 20,
  'Mutation.promotePupils': 200,
  'Mutation.revokeConfirmations': 100,
};

const pricedFields: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const price = FIELD_COSTS[`${type.name}.${field.name}`];
  return price === undefined ? undefined : price + childComplexity;
};

/** A list multiplies what is asked of each element by its size: `first` when given, else the default. */
const lists: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type)) && !getNamedType(field.type).name.endsWith('Connection'))
    return undefined;
  const size = typeof args.first === 'number' ? args.first : DEFAULT_LIST_SIZE;
  return 1 + size * Math.max(1, childComplexity);
};

/** Introspection (GraphiQL, schema tools) is free; in production it is switched off altogether. */
const introspection: ComplexityEstimator = ({ type, field }) =>
  type.name.startsWith('__') || field.name.startsWith('__') ? 0 : undefined;

export const costEstimators: ComplexityEstimator[] = [
  introspection,
  pricedFields,
  lists,
  simpleEstimator({ defaultComplexity: 1 }),
];

export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables?: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: costEstimators });
}

/**
 * graphql-armor's rules throw by default (as envelop expects); under Apollo a throw in validation is
 * an internal error, so they report instead: a validation error, answered BAD_USER_INPUT in Thai.
 */
const report = (message: string) => ({
  propagateOnRejection: false,
  exposeLimits: false,
  onReject: [(ctx: ValidationContext | null) => ctx?.reportError(new GraphQLError(message))],
});

export const depthAndAliasRules: ValidationRule[] = [
  maxDepthRule({
    n: MAX_DEPTH,
    ignoreIntrospection: true,
    flattenFragments: true,
    ...report(`คำขอซ้อนกันลึกเกินไป (ได้ไม่เกิน ${MAX_DEPTH} ชั้น) กรุณาแบ่งเป็นหลายคำขอ`),
  }) as unknown as ValidationRule,
  maxAliasesRule({
    n: MAX_ALIASES,
    ...report(`คำขอมีชื่อแทน (alias) มากเกินไป (ได้ไม่เกิน ${MAX_ALIASES}) กรุณาแบ่งเป็นหลายคำขอ`),
  }) as unknown as ValidationRule,
];

/** The named type under a variable's list and non-null wrappers. */
function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

/**
 * Whether an operation's cost can depend on its variables: only a list size does (`first`, an Int),
 * so an operation that declares no Int variable costs the same whatever its variables hold.
 */
function costDependsOnVariables(operation: OperationDefinitionNode | undefined): boolean {
  return !operation || (operation.variableDefinitions ?? []).some((v) => namedTypeOf(v.type) === 'Int');
}

/** Refuses an operation over the cost budget after validation, before any resolver runs (variables known). */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so the same document comes back: an operation
  // whose cost does not depend on its variables (every register write) is priced once, not per request.
  const fixedCosts = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          const name = request.operationName ?? '';
          const cacheable = !costDependsOnVariables(operation);
          let cost = cacheable ? fixedCosts.get(document)?.get(name) : undefined;
          if (cost === undefined) {
            try {
              cost = operationCost(schema, document, request.variables, request.operationName ?? undefined);
            } catch {
              // Variables that do not fit their types: execution refuses them with its own message,
              // before any resolver runs, so nothing is spent on an operation that could not be priced.
              return;
            }
            if (cacheable) fixedCosts.set(document, (fixedCosts.get(document) ?? new Map()).set(name, cost));
          }
          if (cost > MAX_COST) {
            const refusal = new LecError(
              'BAD_USER_INPUT',
              `คำขอนี้ใช้ทรัพยากรมากเกินไป (${cost.toLocaleString('en-US')} หน่วย เกินกว่า ${MAX_COST.toLocaleString('en-US')}) ` +
                'กรุณาขอข้อมูลน้อยลง เช่น ลดจำนวนรายการต่อหน้า หรือแบ่งเป็นหลายคำขอ',
              { reason: 'QUERY_TOO_COSTLY', cost, maxCost: MAX_COST },
            );
            throw new GraphQLError(refusal.message, {
              originalError: refusal,
              extensions: { http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
