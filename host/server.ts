/**
 * The local Zendesk host server: two origins, as in Zendesk, where the agent interface and an app's
 * iframe never share one. The host origin (`http://localhost:<hostPort>`) serves the host page, its
 * script bundled by esbuild on each load, the case list and the page's config; the app origin
 * (`http://127.0.0.1:<appPort>`) serves the built app package (`dist/`) as static files.
 * No framework: node:http is all this needs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { defaultCaseFolders, readCatalog, type CaseFolder } from './cases';

/** The repository root (host/..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_DIR = path.join(REPO_ROOT, 'host', 'page');

/** Options of `startHost`; each has a default for `npm start`. */
export interface HostServerOptions {
  /** Port of the host page; 0 picks a free one. Default 4567. */
  readonly hostPort?: number;
  /** Port of the app origin; 0 picks a free one. Default 4568. */
  readonly appPort?: number;
  /** The app package served on the app origin. Default `dist/`. */
  readonly appRoot?: string;
  /** The app's page inside the package, as the manifest's `location.support.ticket_sidebar.url`. */
  readonly appPath?: string;
  readonly caseFolders?: readonly CaseFolder[];
}

/** A running host. */
export interface RunningHost {
  /** The host page, e.g. `http://localhost:4567/`. */
  readonly hostUrl: string;
  /** The app origin, e.g. `http://127.0.0.1:4568`. */
  readonly appOrigin: string;
  readonly appRoot: string;
  readonly appPath: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  // no-store: a rebuilt app or an edited case must show on the next reload, never a cached copy.
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, 'text/plain; charset=utf-8', text);
}

/** Bundles the host page's script; esbuild takes ~100 ms, so every page load gets the current source. */
export async function bundleHostPage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for host/page/main.ts.');
  return output.text;
}

/**
 * The file under `root` a URL path names, or null when it would leave `root` (`..`, encoded or not).
 * `URL` already removes plain `..` segments; decoding first catches `%2e%2e`.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const base = path.resolve(root);
  return resolved === base || resolved.startsWith(`${base}${path.sep}`) ? resolved : null;
}

/** The app package's manifest.json (its parameters shape the settings), or null when there is none. */
async function readManifest(appRoot: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(appRoot, 'manifest.json'), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The app package's requirements.json (installed into each ticket's account), or null when there is none. */
async function readRequirements(appRoot: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path.join(appRoot, 'requirements.json'), 'utf8')) as unknown;
  } catch {
    return null;
  }
}

async function serveHost(
  request: IncomingMessage,
  response: ServerResponse,
  config: { appOrigin: string; appPath: string; appRoot: string; caseFolders: readonly CaseFolder[] },
): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://host.invalid');
  switch (pathname) {
    case '/':
    case '/index.html':
      send(response, 200, CONTENT_TYPES['.html'] ?? '', await readFile(path.join(PAGE_DIR, 'index.html')));
      return;
    case '/host.js':
      send(response, 200, CONTENT_TYPES['.js'] ?? '', await bundleHostPage());
      return;
    case '/config.json': {
      const manifest = await readManifest(config.appRoot);
      const requirements = await readRequirements(config.appRoot);
      const body = { appOrigin: config.appOrigin, appPath: config.appPath, manifest, requirements };
      send(response, 200, CONTENT_TYPES['.json'] ?? '', JSON.stringify(body));
      return;
    }
    case '/cases.json':
      send(
        response,
        200,
        CONTENT_TYPES['.json'] ?? '',
        JSON.stringify(await readCatalog(config.caseFolders)),
      );
      return;
    default:
      sendText(response, 404, `The host serves /, /host.js, /config.json and /cases.json; not ${pathname}.`);
  }
}

async function serveApp(
  request: IncomingMessage,
  response: ServerResponse,
  config: { appRoot: string; appPath: string },
): Promise<void> {
  const { pathname } = new URL(request.url ?? '/', 'http://app.invalid');
  const file = resolveInside(config.appRoot, pathname);
  if (file === null) {
    sendText(response, 404, 'Not found.');
    return;
  }
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) {
    const isAppPage = pathname === `/${config.appPath}`;
    const hint = isAppPage
      ? `No app at ${file}. Build it first (npx vite build), or start the host with --app-root <package dir>.`
      : `No file ${pathname} in ${config.appRoot}.`;
    sendText(response, 404, hint);
    return;
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  send(response, 200, type, await readFile(file));
}

function handler(serve: (request: IncomingMessage, response: ServerResponse) => Promise<void>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Only GET and HEAD.');
      return;
    }
    serve(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) sendText(response, 500, `The host failed: ${message}`);
      else response.destroy();
    });
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string')
        reject(new Error('The server has no TCP address.'));
      else resolve(address.port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => {
      if (error === undefined) resolve();
      else reject(error);
    });
    // Keep-alive connections from a browser would hold close() open until they time out.
    server.closeAllConnections();
  });
}

/** Starts both servers on 127.0.0.1. Throws when a port is taken (`EADDRINUSE`). */
export async function startHost(options: HostServerOptions = {}): Promise<RunningHost> {
  const appRoot = path.resolve(options.appRoot ?? path.join(REPO_ROOT, 'dist'));
  const appPath = options.appPath ?? 'assets/index.html';
  const caseFolders = options.caseFolders ?? defaultCaseFolders(REPO_ROOT);
  // Fail at start, not on the first page load, when the page's TypeScript does not build.
  await bundleHostPage();

  const appServer = createServer(
    handler((request, response) => serveApp(request, response, { appRoot, appPath })),
  );
  const appPort = await listen(appServer, options.appPort ?? 4568);
  const appOrigin = `http://127.0.0.1:${appPort}`;

  const hostServer = createServer(
    handler((request, response) =>
      serveHost(request, response, { appOrigin, appPath, appRoot, caseFolders }),
    ),
  );
  let hostPort: number;
  try {
    hostPort = await listen(hostServer, options.hostPort ?? 4567);
  } catch (error) {
    await closeServer(appServer);
    throw error;
  }
  return {
    hostUrl: `http://localhost:${hostPort}/`,
    appOrigin,
    appRoot,
    appPath,
    close: async () => {
      await Promise.all([closeServer(hostServer), closeServer(appServer)]);
    },
  };
}
