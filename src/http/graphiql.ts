import type { Express } from 'express';

/** GraphiQL, bundled (the machines are offline), outside production only. */
export function mountGraphiQL(app: Express): void {
  app.get('/graphiql', (_req, res) => {
    res.status(503).type('text/plain').send('GraphiQL is not built yet');
  });
}
