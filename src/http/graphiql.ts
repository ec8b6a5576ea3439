import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import { clientDistDir, mountClientAssets, sendBuildMissing } from './client-app';

/**
 * GraphiQL at /graphiql, outside production only. It is bundled by `npm run build`
 * (client/graphiql.html, client/src/graphiql.tsx) and loads nothing from outside:
 * the machines are offline.
 */
export function mountGraphiQL(app: Express, distDir: string = clientDistDir()): void {
  const page = path.join(distDir, 'graphiql.html');
  mountClientAssets(app, distDir);
  app.get('/graphiql', (_req, res) => {
    if (!existsSync(page)) return sendBuildMissing(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
}

/**
 * A person who opens /graphql in a browser (a GET asking for HTML, with no query) is sent to
 * GraphiQL; in production, where GraphiQL is off, to the web client.
 */
export function redirectBrowsersToGraphiQL(app: Express, production: boolean): void {
  app.get('/graphql', (req, res, next) => {
    if (req.query.query !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html')
      return next();
    res.redirect(302, production ? '/' : '/graphiql');
  });
}
