import { readdirSync } from 'node:fs';
import path from 'node:path';
import {
  getNullableType,
  parse,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { depthAndAliasRules, MAX_COST, operationCost } from '../../src/graphql/query-limits';
import { buildLecSchema } from '../../src/composition/schema';

/** A value of an input type, lists at their page size: enough to price an operation as the client sends it. */
function sample(type: GraphQLInputType): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(t.getFields())) if (isNonNullType(f.type)) out[f.name] = sample(f.type);
    return out;
  }
  const name = (t as { name: string }).name;
  return name === 'Int'
    ? 200
    : name === 'Float'
      ? 1
      : name === 'Boolean'
        ? true
        : name === 'Date'
          ? '2025-01-01'
          : 'x';
}

function variablesOf(schema: GraphQLSchema, doc: DocumentNode): Record<string, unknown> {
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const out: Record<string, unknown> = {};
  for (const v of op?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    if (type) out[v.variable.name.value] = sample(type);
  }
  return out;
}

const dir = path.resolve(__dirname, '..', '..', 'client', 'src', 'graphql');

/** The limits must never refuse what LEC's own web client asks. */
describe('query limits and the web client', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildLecSchema();
  });

  it('every client document is within the depth, alias and cost limits', async () => {
    const costs: Record<string, number> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, doc] of Object.entries(mod)) {
        if ((doc as DocumentNode | undefined)?.kind !== 'Document') continue;
        expect({
          name,
          errors: validate(schema, doc as DocumentNode, depthAndAliasRules).map((e) => e.message),
        }).toEqual({
          name,
          errors: [],
        });
        costs[name] = operationCost(schema, doc as DocumentNode, variablesOf(schema, doc as DocumentNode));
      }
    }
    expect(Object.keys(costs).length).toBeGreaterThan(10);
    if (process.env.PRINT_COSTS)
      console.log(JSON.stringify(Object.entries(costs).sort((a, b) => b[1] - a[1])));
    const dearest = Object.entries(costs).sort((a, b) => b[1] - a[1])[0];
    expect({ dearest: dearest[0], cost: dearest[1], underHalfTheBudget: dearest[1] < MAX_COST / 2 }).toEqual({
      dearest: dearest[0],
      cost: dearest[1],
      underHalfTheBudget: true,
    });
  });

  it("the institution page's pupils by grade, 16 aliased counts in one operation, is within them", () => {
    const grades = ['K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6'];
    const doc = parse(`query PupilCountsByGrade($code: String!) {
      all: pupils(institutionCode: $code, first: 1) { totalCount }
      ${grades.map((g) => `${g}: pupils(institutionCode: $code, grade: ${g}, first: 1) { totalCount }`).join('\n')}
    }`);
    expect(validate(schema, doc, depthAndAliasRules)).toEqual([]);
    expect(operationCost(schema, doc, { code: 'x' })).toBeLessThan(MAX_COST / 2);
  });
});
