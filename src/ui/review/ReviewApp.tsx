import { useEffect } from 'react';
import styled from 'styled-components';
import { Alert } from '../Alert';
import { PlainList } from '../Section';
import type { AppSettings, ZafClient } from '../../zendesk/types';
import { REVIEW_SHOWN } from './marks';
import { PeriodPicker } from './PeriodPicker';
import { ReviewPage } from './ReviewPage';
import { useReview } from './useReview';
import { w } from './words';

const Title = styled.h1`
  margin: 0 0 ${(p) => p.theme.space.xs};
  font-size: ${(p) => p.theme.fontSizes.xl};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
`;

const Intro = styled.p`
  margin: 0 0 ${(p) => p.theme.space.md};
`;

const Spaced = styled.div`
  margin-bottom: ${(p) => p.theme.space.md};
`;

/** Props of {@link ReviewApp}. */
export interface ReviewAppProps {
  client: ZafClient;
  settings: AppSettings;
  settingsProblems: readonly string[];
  /** The clock; tests pass a fixed one. */
  now?: () => number;
}

/** The supervisors' review page (nav_bar): access check, period, the report. */
export function ReviewApp({ client, settings, settingsProblems, now = Date.now }: ReviewAppProps) {
  const { state, show, subdomain, fieldProblems } = useReview(client, settings, now);
  const problems = [...settingsProblems, ...fieldProblems];

  useEffect(() => {
    if (state.kind !== 'ready' || performance.getEntriesByName(REVIEW_SHOWN).length > 0) return;
    performance.mark(REVIEW_SHOWN, {
      detail: { requests: state.data.stats.requests, escalations: state.report.rows.length },
    });
  }, [state]);

  return (
    <>
      <Title>{w('title')}</Title>
      {problems.length > 0 && (
        <Spaced>
          <Alert type="warning" role="status">
            <Alert.Title>{w('settings_problem')}</Alert.Title>
            <PlainList>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </PlainList>
          </Alert>
        </Spaced>
      )}
      {state.kind === 'checking' && <p role="status">{w('checking')}</p>}
      {state.kind === 'refused' && (
        <Alert type="info" role="alert">
          <Alert.Title>{w('refused.title')}</Alert.Title>
          <Alert.Paragraph>{state.reason}</Alert.Paragraph>
          <Alert.Paragraph>{w('refused.body')}</Alert.Paragraph>
        </Alert>
      )}
      {state.kind !== 'checking' && state.kind !== 'refused' && (
        <>
          <Intro>{w('intro')}</Intro>
          <PeriodPicker choice={state.choice} busy={state.kind === 'loading'} now={now()} onShow={show} />
          {state.kind === 'loading' && <p role="status">{w('loading')}</p>}
          {state.kind === 'failed' && (
            <Alert type="error" role="alert">
              <Alert.Title>{w('error.title')}</Alert.Title>
              <Alert.Paragraph>{state.error}</Alert.Paragraph>
              <Alert.Paragraph>{w('error.next')}</Alert.Paragraph>
            </Alert>
          )}
          {state.kind === 'ready' && (
            <ReviewPage report={state.report} period={state.period} client={client} subdomain={subdomain} />
          )}
        </>
      )}
    </>
  );
}
