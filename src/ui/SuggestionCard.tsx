import { Alert, Banner, Well } from './Alert';
import styled from 'styled-components';
import { getColor } from './color';
import type { Decision } from '../engine';
import { teamNames } from './format';
import { t } from './i18n';
import { Facts, PreText, Section } from './Section';

const Verdict = styled.p`
  margin: 0 0 ${(p) => p.theme.space.xs};
  font-size: ${(p) => p.theme.fontSizes.lg};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  line-height: ${(p) => p.theme.lineHeights.lg};
`;

const AlertText = styled(PreText)`
  margin-top: ${(p) => p.theme.space.xs};
  font-family: ${(p) => p.theme.fonts.mono};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

const Card = styled(Well)<{ $recessed: boolean }>`
  padding: ${(p) => p.theme.space.sm};
  background-color: ${(p) =>
    p.$recessed ? getColor({ theme: p.theme, variable: 'background.recessed' }) : 'transparent'};
`;

/** Props of {@link SuggestionCard}. */
export interface SuggestionCardProps {
  decision: Decision;
}

/** The verdict first line: escalate where, not yet, or not at all. */
function verdict(d: Decision): string {
  if (d.escalate) return t('suggestion.escalate', { teams: teamNames(d.targets) });
  return d.blockers.length ? t('suggestion.not_yet') : t('suggestion.no_escalation');
}

/**
 * The suggestion at a glance: escalate or not, to which teams, how urgent, when to follow up. A critical
 * case leads with a danger alert holding the text for the on-call channel.
 */
export function SuggestionCard({ decision: d }: SuggestionCardProps) {
  return (
    <Section title={t('suggestion.heading')}>
      {d.urgent_alert && (
        <Banner type="error" role="alert">
          <Alert.Title>{t('suggestion.urgent_title')}</Alert.Title>
          <Alert.Paragraph>{t('suggestion.urgent_body')}</Alert.Paragraph>
          {d.urgent_alert_text !== null && <AlertText>{d.urgent_alert_text}</AlertText>}
        </Banner>
      )}
      <Card $recessed={!d.escalate}>
        <Verdict>{verdict(d)}</Verdict>
        {!d.escalate && d.blockers.length > 0 && d.targets.length > 0 && (
          <p>{t('suggestion.would_go_to', { teams: teamNames(d.targets) })}</p>
        )}
        {!d.escalate && d.blockers.length === 0 && <p>{t('suggestion.no_escalation_body')}</p>}
        <Facts>
          <dt>{t('suggestion.urgency')}</dt>
          <dd>{t(`urgency.${d.urgency}`)}</dd>
          {d.follow_up_hours !== null && (
            <>
              <dt>{t('suggestion.follow_up')}</dt>
              <dd>{t('suggestion.follow_up_hours', { hours: d.follow_up_hours })}</dd>
            </>
          )}
          <dt>{t('suggestion.issue_type')}</dt>
          <dd>{d.parameters.issue_type}</dd>
          <dt>{t('suggestion.customer_email')}</dt>
          <dd>{d.parameters.customer_email ?? t('suggestion.missing_email')}</dd>
          <dt>{t('suggestion.sentiment')}</dt>
          <dd>{t(`sentiment.${d.sentiment.label}`)}</dd>
        </Facts>
      </Card>
    </Section>
  );
}
