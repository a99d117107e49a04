/**
 * `tsx host/start.ts [--host-port N] [--app-port N] [--app-root DIR]`: starts the local Zendesk host and
 * prints its URL. Ports and the app package also come from HOST_PORT, APP_PORT and APP_ROOT.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from './server';

function port(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number (0 picks a free one); got "${text}".`);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'host-port': { type: 'string' },
      'app-port': { type: 'string' },
      'app-root': { type: 'string' },
    },
  });
  const appRoot = values['app-root'] ?? process.env.APP_ROOT;
  const host = await startHost({
    hostPort: port(values['host-port'] ?? process.env.HOST_PORT, 4567, '--host-port'),
    appPort: port(values['app-port'] ?? process.env.APP_PORT, 4568, '--app-port'),
    ...(appRoot === undefined ? {} : { appRoot }),
  });
  const appPage = path.join(host.appRoot, host.appPath);
  if (!existsSync(appPage)) {
    console.warn(`No app at ${appPage} yet: run \`npx vite build\`, then reload the page.`);
  }
  console.log(`Local Zendesk host: ${host.hostUrl}  (app origin ${host.appOrigin}, serving ${host.appRoot})`);
  console.log('Press Ctrl+C to stop.');
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const inUse = message.includes('EADDRINUSE')
    ? ' Another host may be running; pick other ports with --host-port/--app-port.'
    : '';
  console.error(`The local Zendesk host could not start: ${message}.${inUse}`);
  process.exit(1);
});
