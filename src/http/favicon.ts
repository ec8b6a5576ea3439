import type { Express } from 'express';

const SIZE = 16;
/** The department's dark blue, with a white open book: readable at 16 px on a tab. */
const BLUE = [0x79, 0x4e, 0x1f, 0xff]; // BGRA
const WHITE = [0xff, 0xff, 0xff, 0xff];

function isBook(x: number, y: number): boolean {
  // y counts from the top; two pages from x 2..7 and 8..13, rows 4..11, with a spine gap at x 7/8.
  if (y < 4 || y > 11) return false;
  if (x < 2 || x > 13) return false;
  return x !== 7 || y === 11;
}

/**
 * A 16×16 32-bit ICO built in memory, so `/favicon.ico` answers without a binary file in the
 * repository and browsers stop asking for it (and logging a 404) on every page.
 */
export function faviconIco(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    const y = SIZE - 1 - row; // BMP rows go bottom up
    for (let x = 0; x < SIZE; x++)
      Buffer.from(isBook(x, y) ? WHITE : BLUE).copy(pixels, (row * SIZE + x) * 4);
  }
  const mask = Buffer.alloc(SIZE * 4); // AND mask: 1 bit per pixel, rows padded to 4 bytes, all opaque
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(SIZE, 4);
  info.writeInt32LE(SIZE * 2, 8); // height counts the colour and mask halves
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(pixels.length + mask.length, 20);
  const image = Buffer.concat([info, pixels, mask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, image]);
}

export function mountFavicon(app: Express): void {
  const ico = faviconIco();
  app.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=604800');
    res.type('image/x-icon').send(ico);
  });
}
