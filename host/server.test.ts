/** The host server: two origins, the page and its data on one, the app package on the other, nothing outside it. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from './page/catalog';
import { resolveInside, startHost, type RunningHost } from './server';

let appRoot = '';
let host: RunningHost;

/** A raw GET, so a path like `/%2e%2e/x` reaches the server as written (fetch would normalize it). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: rawPath, method: 'GET' },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

beforeAll(async () => {
  appRoot = await mkdtemp(path.join(tmpdir(), 'host-app-'));
  await mkdir(path.join(appRoot, 'assets'));
  await writeFile(path.join(appRoot, 'assets', 'index.html'), '<p>app</p>');
  await writeFile(path.join(appRoot, 'secret.txt'), 'inside the package');
  host = await startHost({ hostPort: 0, appPort: 0, appRoot });
});

afterAll(async () => {
  await host.close();
  await rm(appRoot, { recursive: true, force: true });
});

describe('startHost', () => {
  it('serves the page on localhost and the app on 127.0.0.1: two origins', async () => {
    expect(new URL(host.hostUrl).hostname).toBe('localhost');
    expect(new URL(host.appOrigin).hostname).toBe('127.0.0.1');
    const page = await fetch(host.hostUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script type="module" src="/host.js">');
    const script = await fetch(new URL('/host.js', host.hostUrl));
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(await fetch(new URL('/config.json', host.hostUrl)).then((answer) => answer.json())).toEqual({
      appOrigin: host.appOrigin,
      appPath: 'assets/index.html',
      manifest: null,
      requirements: null,
    });
  });

  it('lists the shared and the project cases, not cases/invalid', async () => {
    const catalog = (await fetch(new URL('/cases.json', host.hostUrl)).then((answer) =>
      answer.json(),
    )) as Catalog;
    const ids = catalog.cases.map((entry) => entry.id);
    expect(ids).toContain('shared/01-port-in-rejected-four-times.json');
    expect(ids.some((id) => id.startsWith('cases/'))).toBe(true);
    expect(ids.some((id) => id.includes('invalid'))).toBe(false);
    expect(catalog.cases[0]).toMatchObject({ ticketId: 384127, subject: expect.any(String) as unknown });
  });

  it('serves the app package, and nothing outside it', async () => {
    expect(await rawGet(host.appOrigin, '/assets/index.html')).toEqual({ status: 200, body: '<p>app</p>' });
    expect((await rawGet(host.appOrigin, '/%2e%2e/package.json')).status).toBe(404);
    expect((await rawGet(host.appOrigin, '/assets/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await rawGet(host.appOrigin, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses to start on a port that is taken', async () => {
    const port = Number(new URL(host.appOrigin).port);
    await expect(startHost({ hostPort: 0, appPort: port, appRoot })).rejects.toThrow(/EADDRINUSE/u);
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the root and refuses the rest', () => {
    expect(resolveInside('/srv/app', '/assets/index.html')).toBe(path.resolve('/srv/app/assets/index.html'));
    expect(resolveInside('/srv/app', '/../etc/passwd')).toBe(path.resolve('/srv/app/etc/passwd'));
    expect(resolveInside('/srv/app', '/a%00b')).toBeNull();
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
