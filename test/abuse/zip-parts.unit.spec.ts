import { deflateRawSync } from 'node:zlib';
import { openZip, ZipPartTooLarge } from '../../src/modules/imports/zip-parts';

/** A one-entry zip whose headers declare `declaredSize` whatever `data` inflates to. */
function zipWithLyingSize(name: string, data: Buffer, declaredSize: number): Buffer {
  const packed = deflateRawSync(data);
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = local.length + n.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, packed, central, n, end]);
}

async function drain(zip: Awaited<ReturnType<typeof openZip>>, name: string, maxBytes: number) {
  const s = await zip.stream(name, { maxBytes });
  let n = 0;
  for await (const c of s) n += (c as Buffer).length;
  return n;
}

describe('zip parts: inflation bounded on what is declared and on what comes out', () => {
  it('refuses a part whose declared size is over the limit without inflating it', async () => {
    const zip = await openZip(zipWithLyingSize('big.xml', Buffer.from('x'), 500 * 1024 * 1024));
    await expect(zip.stream('big.xml', { maxBytes: 1024 * 1024 })).rejects.toBeInstanceOf(ZipPartTooLarge);
  });

  it('stops a part that inflates past what it declared (a lying header), after a few chunks', async () => {
    const zip = await openZip(zipWithLyingSize('lie.xml', Buffer.alloc(30 * 1024 * 1024, 0x20), 100));
    await expect(drain(zip, 'lie.xml', 1024 * 1024)).rejects.toThrow();
  });

  it('refuses a part compressed far better than any spreadsheet part (ratio), even under the absolute limit', async () => {
    const data = Buffer.alloc(8 * 1024 * 1024, 0x20);
    const zip = await openZip(zipWithLyingSize('ratio.xml', data, data.length));
    await expect(
      zip.stream('ratio.xml', { maxBytes: 64 * 1024 * 1024, maxRatio: 100 }),
    ).rejects.toBeInstanceOf(ZipPartTooLarge);
  });

  it('reads an honest part whole', async () => {
    const data = Buffer.from('<x>ไทย</x>');
    const zip = await openZip(zipWithLyingSize('ok.xml', data, data.length));
    expect((await zip.read('ok.xml', { maxBytes: 1024 })).toString()).toBe('<x>ไทย</x>');
  });
});
