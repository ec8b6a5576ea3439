import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildLecSchema, printLecSchema } from './schema';

/** Writes schema/schema.graphql from the code (`npm run schema:emit`). */
async function main() {
  const file = path.resolve(__dirname, '../../../schema/schema.graphql');
  fs.writeFileSync(file, printLecSchema(await buildLecSchema()));
  process.stdout.write(`wrote ${file}\n`);
}

void main();
