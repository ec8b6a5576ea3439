import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { notFoundHandler } from './http-errors';
import { precompressedAssets } from './precompressed';

/**
 * The repository (or install) root: the nearest folder above this file that holds package.json
 * and client/. Works compiled (dist/src/http/*.js) and under ts-jest (src/http/*.ts) alike.
 */
export function findRepoRoot(start: string = __dirname): string {
  let firstWithPackageJson: string | undefined;
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) {
      firstWithPackageJson ??= dir;
      if (isDirectory(path.join(dir, 'client'))) return dir;
    }
    if (path.dirname(dir) === dir) break;
  }
  return firstWithPackageJson ?? process.cwd();
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Where `vite build` puts the web client and GraphiQL (see client/vite.config.ts). */
export function clientDistDir(): string {
  return path.join(findRepoRoot(), 'client', 'dist');
}

/** Answers when client/dist has not been built, in Thai and English. */
export function sendBuildMissing(res: Response): void {
  res
    .status(503)
    .type('text/plain; charset=utf-8')
    .send(
      'ยังไม่ได้สร้างหน้าเว็บ (client/dist): กรุณารัน `npm run build`\n' +
        'The web client has not been built (client/dist is missing): run `npm run build`.\n',
    );
}

const assetsMounted = new WeakSet<Express>();

/** Serves client/dist/assets at /assets once per app: the file names are content-hashed. */
export function mountClientAssets(app: Express, distDir: string = clientDistDir()): void {
  if (assetsMounted.has(app)) return;
  assetsMounted.add(app);
  app.use(
    '/assets',
    precompressedAssets(path.join(distDir, 'assets')),
    express.static(path.join(distDir, 'assets'), { index: false, immutable: true, maxAge: '1y' }),
    notFoundHandler,
  );
}

/** Paths that are never the web client: the API, GraphiQL, probes and server routes. */
function isServerPath(p: string): boolean {
  const under = (prefix: string) => p === prefix || p.startsWith(`${prefix}/`);
  return (
    under('/graphql') ||
    under('/graphiql') ||
    under('/healthz') ||
    under('/readyz') ||
    under('/credentials') ||
    under('/assets') ||
    p.startsWith('/imports')
  );
}

/**
 * The web client (client/dist): index.html at / and for any other GET of an HTML page that is
 * not a server path (client-side routing), its bundles at /assets.
 */
export function mountClientApp(app: Express, distDir: string = clientDistDir()): void {
  const indexHtml = path.join(distDir, 'index.html');
  mountClientAssets(app, distDir);
  // The PWA's service worker (scope /, so served from the root) and manifest: never cached for
  // long, so a new build's worker is picked up on the next visit.
  for (const [route, type] of [
    ['/sw.js', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
  ] as const)
    app.get(route, (_req: Request, res: Response) => {
      const file = path.join(distDir, route.slice(1));
      if (!existsSync(file)) return sendBuildMissing(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.type(type).sendFile(file);
    });
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isServerPath(req.path)) return next();
    if (req.path !== '/' && !req.accepts('html')) return next();
    if (!existsSync(indexHtml)) return sendBuildMissing(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
