import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';

const root = path.resolve(__dirname, '..');
const schema = buildSchema(readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8'));
const dir = path.join(root, 'client', 'src', 'graphql');

/** Every GraphQL document of the web client is valid against the checked-in schema. */
describe('web client documents', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s matches schema/schema.graphql', async (file) => {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    const docs = Object.entries(mod).filter(
      (e): e is [string, DocumentNode] => (e[1] as DocumentNode | undefined)?.kind === 'Document',
    );
    expect(docs.length).toBeGreaterThan(0);
    for (const [name, doc] of docs) {
      expect({ name, errors: validate(schema, doc).map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });
});
