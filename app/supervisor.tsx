/**
 * The supervisors' review page (the nav_bar location): connect to Zendesk, wait for it, parse the
 * settings and render the review. Opened outside Zendesk, it says so instead of failing. Built apart
 * from the sidebar (vite.config.ts), so none of this reaches the sidebar's JavaScript.
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseSettings } from '../src/zendesk';
import { connect } from '../src/zendesk/connect';
import { ErrorState, OutsideZendesk } from '../src/ui/States';
import { ReviewApp } from '../src/ui/review/ReviewApp';
import { ReviewFrame } from '../src/ui/review/ReviewFrame';
import { w } from '../src/ui/review/words';

/** How long to wait for Zendesk to register the app before saying it did not answer. */
const REGISTER_TIMEOUT_MS = 15_000;

async function start(element: HTMLElement): Promise<void> {
  const root = createRoot(element);
  const show = (node: ReactNode) => {
    root.render(
      <StrictMode>
        <ReviewFrame>{node}</ReviewFrame>
      </StrictMode>,
    );
  };
  const client = connect();
  if (!client) {
    show(<OutsideZendesk />);
    return;
  }
  try {
    // metadata() resolves once Zendesk has registered the app (the `app.registered` event).
    const metadata = await Promise.race([
      client.metadata(),
      new Promise<never>((_resolve, reject) =>
        setTimeout(() => {
          reject(new Error('Zendesk did not answer within 15 s. Reload the page.'));
        }, REGISTER_TIMEOUT_MS),
      ),
    ]);
    const { settings, problems } = parseSettings(metadata.settings);
    show(<ReviewApp client={client} settings={settings} settingsProblems={problems} />);
  } catch (error) {
    show(
      <ErrorState
        title={w('error.title')}
        next={w('error.next')}
        problems={[error instanceof Error ? error.message : String(error)]}
      />,
    );
  }
}

const element = document.getElementById('root');
if (element) void start(element);
