import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text-like files worth compressing; woff2, PNG and the like are compressed already. */
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.json',
  '.svg',
  '.ttf',
  '.otf',
  '.txt',
  '.map',
]);
/** Larger files (GraphiQL's editor) go through the on-the-fly compression instead: best quality takes seconds. */
const MAX_BYTES = 1_000_000;

interface Encoded {
  br: Buffer;
  gzip: Buffer;
}

/**
 * The client's content-hashed assets compressed once at the best settings (brotli 11, gzip 9) and
 * kept in memory: the per-request compression uses fast settings, which for the login page's
 * scripts and fonts leaves about 15% on the table (bench in README). Compressed on the thread pool
 * the first time a file is asked for; a file that changes on disk has a new name.
 */
export function precompressedAssets(dir: string): RequestHandler {
  const cache = new Map<string, Promise<Encoded | null>>();
  const root = path.resolve(dir);
  const load = async (file: string): Promise<Encoded | null> => {
    const s = await stat(file).catch(() => null);
    if (!s?.isFile() || s.size > MAX_BYTES) return null;
    const body = await readFile(file);
    const [br, gzip] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gz(body, { level: 9 }),
    ]);
    return { br, gzip };
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(root, path.normalize(decoded));
    if (!file.startsWith(root + path.sep) || !COMPRESSIBLE.has(path.extname(file).toLowerCase()))
      return next();
    // Brotli whenever the browser takes it (every current one does), whatever order it lists them in.
    const encoding =
      req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
    if (!encoding) return next();
    let entry = cache.get(file);
    if (!entry) cache.set(file, (entry = load(file)));
    entry.then(
      (encoded) => {
        if (!encoded) {
          cache.delete(file);
          return next();
        }
        const body = encoded[encoding];
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        res.type(path.extname(file));
        res.setHeader('Content-Length', String(body.length));
        res.status(200).end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        cache.delete(file);
        next();
      },
    );
  };
}
