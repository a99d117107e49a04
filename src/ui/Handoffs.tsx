import { Button } from './Button';
import styled from 'styled-components';
import type { HandoffPlan } from '../zendesk/integrations';
import { needsRetry } from '../zendesk/integrations';
import { Alert } from './Alert';
import { t } from './i18n';
import { PlainList, PreText, SubHeading } from './Section';
import type { Handoffs } from './useHandoffs';

const Box = styled(Alert)`
  margin-top: ${(p) => p.theme.space.sm};
`;

/** The hand-offs a confirm will also send, in the preview. */
export function HandoffPreview({ plan }: { plan: HandoffPlan | null }) {
  if (plan === null) return null;
  const jira = plan.settings.jira;
  return (
    <>
      <SubHeading>{t('handoffs.preview')}</SubHeading>
      <PlainList>
        {plan.kinds.map((kind) => (
          <li key={kind}>
            {kind === 'pagerduty'
              ? t(plan.pageAlways ? 'handoffs.plan.pagerduty_always' : 'handoffs.plan.pagerduty_hours')
              : t(`handoffs.plan.${kind}`, { project: jira?.projectKey ?? '', type: jira?.issueType ?? '' })}
          </li>
        ))}
      </PlainList>
    </>
  );
}

/** After a confirm: each hand-off's outcome, and a retry for those that failed. */
export function HandoffResults({ handoffs }: { handoffs: Handoffs }) {
  const { plan, results, running } = handoffs;
  if (plan === null) return null;
  const retry = results?.some(needsRetry) ?? false;
  const attention = retry || (results?.some((r) => r.status === 'unconfirmed') ?? false);
  return (
    <Box type={attention ? 'warning' : 'info'} role={attention ? 'alert' : 'status'}>
      <Alert.Title>{t('handoffs.heading')}</Alert.Title>
      {results === null ? (
        <Alert.Paragraph>{t('handoffs.running')}</Alert.Paragraph>
      ) : (
        <PlainList>
          {results.map((r) => (
            <li key={r.kind}>
              <strong>{t(`handoffs.kind.${r.kind}`)}</strong>:{' '}
              {t(`handoffs.status.${r.recorded ? r.status : 'unrecorded'}`)}
              {r.link && (
                <>
                  {' '}
                  <a href={r.link.href} target="_blank" rel="noreferrer noopener">
                    {t('handoffs.open_issue', { key: r.link.text })}
                  </a>
                </>
              )}
              <PreText>{r.detail}</PreText>
              {r.status === 'unconfirmed' && (
                <Button
                  size="small"
                  disabled={running}
                  onClick={() => {
                    handoffs.resend(r.kind);
                  }}
                >
                  {t('handoffs.send_again')}
                </Button>
              )}
            </li>
          ))}
        </PlainList>
      )}
      {retry && (
        <>
          <Alert.Paragraph>{t('handoffs.independent')}</Alert.Paragraph>
          <Button isStretched disabled={running} onClick={handoffs.retry}>
            {running ? t('handoffs.retrying') : t('handoffs.retry')}
          </Button>
        </>
      )}
    </Box>
  );
}
