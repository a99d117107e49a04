/**
 * The review page's state: who is signed in (a refusal loads nothing), then the record field found as
 * the sidebar finds it when the settings leave it empty (src/zendesk/resources.ts), and the chosen period
 * loaded and turned into the report. A newer choice wins over a load still running.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { buildReport, type Report } from '../../review/report';
import { periodOf, type PeriodChoice } from '../../review/period';
import { loadReview, type ReviewData, type ReviewPeriod } from '../../zendesk/review';
import { checkAccess, type Viewer } from '../../zendesk/reviewAccess';
import { discoverFields, type FieldDiscovery } from '../../zendesk/resources';
import type { AppSettings, ZafClient } from '../../zendesk/types';

/** Where the page stands. */
export type ReviewState =
  | { kind: 'checking' }
  | { kind: 'refused'; reason: string }
  | { kind: 'loading'; viewer: Viewer; choice: PeriodChoice }
  | {
      kind: 'ready';
      viewer: Viewer;
      choice: PeriodChoice;
      period: ReviewPeriod;
      data: ReviewData;
      report: Report;
    }
  | { kind: 'failed'; viewer: Viewer; choice: PeriodChoice; error: string };

/** The period the page opens with. */
export const DEFAULT_CHOICE: PeriodChoice = { kind: 'last', days: 30 };

/** Checks access once, loads the default period, and offers `show` for another one. */
export function useReview(
  client: ZafClient,
  settings: AppSettings,
  now: () => number = Date.now,
): {
  state: ReviewState;
  show: (choice: PeriodChoice) => void;
  subdomain: string | null;
  /** The record field could not be found: what goes without it and the setting that fixes it. */
  fieldProblems: readonly string[];
} {
  const [state, setState] = useState<ReviewState>({ kind: 'checking' });
  const [fieldProblems, setFieldProblems] = useState<readonly string[]>([]);
  // The record field's id, looked up once the viewer may see the review (nothing is read before).
  const fieldsRef = useRef<Promise<FieldDiscovery> | null>(null);
  const [subdomain, setSubdomain] = useState<string | null>(null);
  const viewerRef = useRef<Viewer | null>(null);
  const runRef = useRef(0);

  const show = useCallback(
    (choice: PeriodChoice) => {
      const viewer = viewerRef.current;
      if (viewer === null) return;
      const run = (runRef.current += 1);
      const at = now();
      const period = periodOf(choice, at);
      if ('problem' in period) {
        setState({ kind: 'failed', viewer, choice, error: period.problem });
        return;
      }
      setState({ kind: 'loading', viewer, choice });
      const fields = fieldsRef.current ?? Promise.resolve({ settings, sources: {}, problems: [] });
      fields
        .then((found) => loadReview(client, found.settings, period, { now: at }))
        .then(
          (data) => {
            if (run !== runRef.current) return;
            setState({ kind: 'ready', viewer, choice, period, data, report: buildReport(data, at) });
          },
          (error: unknown) => {
            if (run !== runRef.current) return;
            setState({
              kind: 'failed',
              viewer,
              choice,
              error: error instanceof Error ? error.message : String(error),
            });
          },
        );
    },
    [client, settings, now],
  );

  useEffect(() => {
    let live = true;
    client
      .context()
      .then((context) => {
        if (live) setSubdomain(context.account?.subdomain ?? null);
      })
      .catch(() => undefined);
    checkAccess(client, settings).then(
      (access) => {
        if (!live) return;
        if (!access.allowed) {
          setState({ kind: 'refused', reason: access.reason });
          return;
        }
        viewerRef.current = access.viewer;
        fieldsRef.current = discoverFields(client, settings, { only: ['recordFieldId'] });
        void fieldsRef.current.then((found) => {
          if (live) setFieldProblems(found.problems);
        });
        show(DEFAULT_CHOICE);
      },
      (error: unknown) => {
        if (live)
          setState({ kind: 'refused', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [client, settings, show]);

  return { state, show, subdomain, fieldProblems };
}
