import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildLecSchema, printLecSchema } from './schema';

describe('schema/schema.graphql', () => {
  it('is the schema the code generates (run `npm run schema:emit` after an API change)', async () => {
    const checkedIn = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printLecSchema(await buildLecSchema())).toBe(checkedIn);
  });
});
