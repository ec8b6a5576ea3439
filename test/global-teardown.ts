import fs from 'node:fs';
import { pgliteTemplateFile } from './support/template';

export default async function globalTeardown(): Promise<void> {
  fs.rmSync(pgliteTemplateFile(), { force: true });
}
