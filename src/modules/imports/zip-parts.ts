import { pipeline, Transform, type Readable } from 'node:stream';
import yauzl from 'yauzl';

/**
 * The parts of a zip held in memory (an .xlsx is a zip of XML parts), read with yauzl. Every part
 * is inflated as a stream under two bounds, checked on the declared size before a byte is inflated
 * and on the bytes actually produced while inflating (yauzl also refuses a part whose inflated size
 * differs from the one declared): an absolute size and a compression ratio. A zip bomb is refused
 * after a few kilobytes of work instead of filling memory or a disk.
 */

export interface ZipPart {
  name: string;
  compressedSize: number;
  size: number;
  encrypted: boolean;
}

/** A part too large, or compressed better than any real spreadsheet part is. */
export class ZipPartTooLarge extends Error {
  constructor(readonly part: string) {
    super(`zip part ${part} inflates beyond its limit`);
    this.name = 'ZipPartTooLarge';
  }
}

export interface InflateLimit {
  /** Bytes the part may inflate to. */
  maxBytes: number;
  /**
   * Inflated / compressed at most. Real sheet XML compresses 5–30×, an all-blank one up to ~100×;
   * bombs reach 1,000×. Parts under 1 MB inflated are not held to it (their size is harmless).
   */
  maxRatio?: number;
}

export const DEFAULT_MAX_RATIO = 200;
const RATIO_FLOOR = 1 << 20;

export interface ZipArchive {
  parts: Map<string, ZipPart>;
  /** The inflated bytes of a part, as a stream that errors (ZipPartTooLarge) past the limit. */
  stream(name: string, limit: InflateLimit): Promise<Readable>;
  /** The whole inflated part, for small parts (workbook, relationships, styles). */
  read(name: string, limit: InflateLimit): Promise<Buffer>;
  close(): void;
}

function overLimit(part: ZipPart, limit: InflateLimit, inflated: number): boolean {
  if (inflated > limit.maxBytes) return true;
  const ratio = limit.maxRatio ?? DEFAULT_MAX_RATIO;
  return inflated > RATIO_FLOOR && inflated > ratio * Math.max(1, part.compressedSize);
}

/** Opens a zip held in memory; rejects (yauzl's error) when it is not a readable zip. */
export function openZip(bytes: Buffer): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => {
        if (err || !zip) return reject(err ?? new Error('not a zip'));
        const entries = new Map<string, yauzl.Entry>();
        const parts = new Map<string, ZipPart>();
        zip.on('error', reject);
        zip.on('entry', (e: yauzl.Entry) => {
          // A zip of a spreadsheet has a few dozen parts; thousands are an attack on the directory.
          if (entries.size >= 10_000) {
            zip.close();
            return reject(new Error('too many zip entries'));
          }
          entries.set(e.fileName, e);
          parts.set(e.fileName, {
            name: e.fileName,
            compressedSize: e.compressedSize,
            size: e.uncompressedSize,
            encrypted: e.isEncrypted(),
          });
          zip.readEntry();
        });
        zip.on('end', () => {
          zip.removeListener('error', reject);
          // Errors after the directory is read belong to a part's stream, which reports them itself.
          zip.on('error', () => undefined);
          const stream = (name: string, limit: InflateLimit): Promise<Readable> =>
            new Promise((res, rej) => {
              const entry = entries.get(name);
              const part = parts.get(name);
              if (!entry || !part) return rej(new Error(`no zip part ${name}`));
              if (overLimit(part, limit, part.size)) return rej(new ZipPartTooLarge(name));
              zip.openReadStream(entry, (e, s) => {
                if (e || !s) return rej(e ?? new Error(`cannot open ${name}`));
                let inflated = 0;
                const counted = new Transform({
                  transform(chunk: Buffer, _enc, done) {
                    inflated += chunk.length;
                    if (overLimit(part, limit, inflated)) done(new ZipPartTooLarge(name));
                    else done(null, chunk);
                  },
                });
                // An error on either side (a damaged part, the limit) reaches the reader through `counted`.
                pipeline(s, counted, () => undefined);
                res(counted);
              });
            });
          resolve({
            parts,
            stream,
            async read(name, limit) {
              const s = await stream(name, limit);
              const chunks: Buffer[] = [];
              for await (const c of s) chunks.push(c as Buffer);
              return Buffer.concat(chunks);
            },
            close: () => zip.close(),
          });
        });
        zip.readEntry();
      },
    );
  });
}
