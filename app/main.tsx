/**
 * The sidebar's entry: connect to Zendesk, wait for it, parse the settings, render the app, and keep the
 * iframe as tall as its content. Opened outside Zendesk, it says so instead of failing.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseSettings } from '../src/zendesk';
import { connect } from '../src/zendesk/connect';
import { groupProblems } from '../src/zendesk/groups';
import type { ZafClient } from '../src/zendesk/types';
import { App } from '../src/ui/App';
import { Frame } from '../src/ui/Frame';
import { t } from '../src/ui/i18n';
import { ErrorState, LoadingState, OutsideZendesk } from '../src/ui/States';

/** How long to wait for Zendesk to register the app before saying it did not answer. */
const REGISTER_TIMEOUT_MS = 15_000;

/** Keeps the iframe's height equal to the content's, so the sidebar never shows a scrollbar of its own. */
function fitHeight(client: ZafClient, element: HTMLElement): void {
  let last = 0;
  const resize = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    void client.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => undefined);
  };
  new ResizeObserver(resize).observe(element);
  resize();
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(message));
    }, ms);
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
    });
  });
}

async function start(element: HTMLElement): Promise<void> {
  const root = createRoot(element);
  const show = (node: ReactNode) => {
    root.render(
      <StrictMode>
        <Frame>{node}</Frame>
      </StrictMode>,
    );
  };

  const client = connect();
  if (!client) {
    show(<OutsideZendesk />);
    return;
  }
  fitHeight(client, document.body);
  show(<LoadingState />);
  try {
    // metadata() resolves once Zendesk has registered the app (the `app.registered` event).
    const metadata = await withTimeout(client.metadata(), REGISTER_TIMEOUT_MS, t('error.no_answer'));
    const { settings, problems } = parseSettings(metadata.settings);
    const render = (more: readonly string[]) => {
      show(<App client={client} settings={settings} settingsProblems={[...problems, ...more]} />);
    };
    render([]);
    // Not awaited: the suggestion never waits for it. The same tree rendered again keeps the app's state.
    void groupProblems(client, settings.groups).then(render);
  } catch (e) {
    show(
      <ErrorState
        title={t('error.unexpected_title')}
        next={t('error.load_next')}
        problems={[e instanceof Error ? e.message : String(e)]}
      />,
    );
  }
}

const element = document.getElementById('root');
if (element) void start(element);
