import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { clientDistDir, mountClientAssets, sendBuildMissing } from './client-app';
import { graphiqlSecurityHeaders } from './security-headers';

/**
 * GraphiQL at /graphiql, outside production only. It is bundled by `npm run build`
 * (client/graphiql.html, client/src/graphiql.tsx) and loads nothing from outside:
 * the machines are offline.
 */
export function mountGraphiQL(app: Express, distDir: string = clientDistDir()): void {
  const page = path.join(distDir, 'graphiql.html');
  mountClientAssets(app, distDir);
  app.get('/graphiql', graphiqlSecurityHeaders(), (_req, res) => {
    if (!existsSync(page)) return sendBuildMissing(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
}
