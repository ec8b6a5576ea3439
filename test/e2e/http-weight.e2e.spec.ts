import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/test-server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A plain HTTP request that keeps the body as sent (fetch would undo the compression). */
function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('weight of what the server sends (issue 12, item 8)', () => {
  let server: TestServer;
  let dist: string;
  const script = `console.log(${JSON.stringify('ระบบสารสนเทศทางการศึกษาท้องถิ่น '.repeat(400))});\n`;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'lec-weight-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>LEC</title>');
    writeFileSync(path.join(dist, 'graphiql.html'), '<!doctype html><title>GraphiQL</title>');
    writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), script);
    server = await startTestServer({ clientDistDir: dist });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the client’s files brotli-compressed to a browser that accepts it, gzip to one that does not', async () => {
    const br = await raw(`${server.url}/assets/app-abc123.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10);

    const gz = await raw(`${server.url}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw(`${server.url}/assets/app-abc123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('compresses the client’s files once at the best settings, smaller than on-the-fly compression would', async () => {
    const br = await raw(`${server.url}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    const fast = brotliCompressSync(Buffer.from(script), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.body.length).toBeLessThanOrEqual(fast.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    // Outside the folder, or a file that is not there: not served.
    expect(
      (await raw(`${server.url}/assets/..%2Findex.html`, { headers: { 'accept-encoding': 'br' } })).status,
    ).toBe(404);
    expect(
      (await raw(`${server.url}/assets/missing.js`, { headers: { 'accept-encoding': 'br' } })).status,
    ).toBe(404);
  });

  it('compresses GraphQL answers', async () => {
    const query = `{ orgUnit(code: "DLA") { code } __schema { types { name description } } }`;
    const res = await raw(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query }),
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(res.body).toString()).data.__schema.types.length).toBeGreaterThan(10);
  });

  it('tells browsers and proxies to keep no copy of a GraphQL answer, nor of a refusal', async () => {
    const answer = await raw(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ orgUnit(code: "DLA") { code } }' }),
    });
    const refusal = await raw(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ orgUnit(code: ' }),
    });
    expect([answer.status, refusal.status]).toEqual([200, 400]);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(refusal.headers['cache-control']).toBe('no-store');
  });

  it('serves /favicon.ico as an icon', async () => {
    const res = await raw(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    expect(res.body.readUInt16LE(2)).toBe(1); // ICO type: icon
    expect(res.body.readUInt16LE(4)).toBe(1); // one image
  });

  it('sends a browser that opens /graphql to GraphiQL, not Apollo’s landing page that needs the internet', async () => {
    const page = await raw(`${server.url}/graphql`, {
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('/graphiql');
    // A script asking for JSON still gets GraphQL (refused here by CSRF prevention, not redirected).
    const script = await raw(`${server.url}/graphql?query=%7Bversion%7D`, {
      headers: { accept: 'application/json' },
    });
    expect(script.status).toBe(400);
  });
});
