import { Button } from './Button';
import styled from 'styled-components';
import { followUpHours } from '../engine';
import { Alert, Banner } from './Alert';
import { formatTime, teamNames } from './format';
import { TextField } from './forms';
import { t } from './i18n';
import { Facts, PreText, Section } from './Section';
import { StepList } from './StepList';
import { useDebounced } from './useDebounced';
import type { FollowUp } from './useFollowUp';
import { MessageCheck } from './Wording';

const Editor = styled(TextField)`
  margin-bottom: ${(p) => p.theme.space.sm};
`;

/** Props of {@link FollowUpPanel}. */
export interface FollowUpPanelProps {
  followUp: FollowUp;
  delivery: 'post' | 'editor';
}

type Tracked = Extract<FollowUp, { kind: 'tracked' }>;

function dueText({ state }: Tracked): string {
  const time = formatTime(state.dueAt);
  if (state.kind === 'upcoming') return t('followup.due_in', { hours: state.hours, time });
  if (state.kind === 'overdue') return t('followup.overdue', { hours: state.hours, time });
  return t('followup.due_now', { time });
}

/** The follow-up message with its wording review and the one Send button. */
function Compose({ followUp, delivery }: { followUp: Tracked; delivery: 'post' | 'editor' }) {
  const settled = useDebounced(followUp.message, 300);
  const problems = followUp.review(settled);
  const hours = followUpHours(followUp.record.chosen) ?? followUp.record.followUp.hours;
  const channel = t(`editors.channel.${followUp.channel}`);
  return (
    <>
      <Editor
        label={t('followup.message_label', { channel })}
        hint={t(delivery === 'post' ? 'followup.message_hint_post' : 'followup.message_hint_editor', {
          hours,
        })}
        minRows={5}
        maxRows={12}
        value={followUp.message}
        onChange={followUp.setMessage}
      />
      <MessageCheck problems={problems} message={followUp.message} onChange={followUp.setMessage} />
      <Button
        isPrimary
        isStretched
        disabled={followUp.sending || followUp.message.trim() === ''}
        aria-busy={followUp.sending}
        onClick={() => void followUp.send()}
      >
        {followUp.sending ? t('followup.sending') : t('followup.send')}
      </Button>
    </>
  );
}

/**
 * On an escalated ticket, above the suggestion: which team has it, since when and from whom, and when the
 * follow-up is due. Once it is due, the guide's follow-up message, editable, and Send. A record that
 * cannot be read is said once, plainly, instead of guessed at.
 */
export function FollowUpPanel({ followUp, delivery }: FollowUpPanelProps) {
  if (followUp.kind === 'broken') {
    return (
      <Banner type="warning" role="note">
        <Alert.Title>{t('followup.broken_title')}</Alert.Title>
        <Alert.Paragraph>{followUp.problem}</Alert.Paragraph>
        <Alert.Paragraph>{t('followup.broken_body')}</Alert.Paragraph>
      </Banner>
    );
  }
  const { record, outcome } = followUp;
  return (
    <Section title={t('followup.heading')}>
      <Facts>
        <dt>{t('followup.team')}</dt>
        <dd>{teamNames(record.chosen)}</dd>
        <dt>{t('followup.since')}</dt>
        <dd>{formatTime(record.at)}</dd>
        <dt>{t('followup.by')}</dt>
        <dd>{record.by.name}</dd>
        <dt>{t('followup.due')}</dt>
        <dd>{dueText(followUp)}</dd>
        {record.followUp.sent > 0 && (
          <>
            <dt>{t('followup.sent')}</dt>
            <dd>{record.followUp.sent}</dd>
          </>
        )}
      </Facts>
      {outcome?.kind === 'done' && (
        <Banner type="success" role="status">
          <Alert.Paragraph>
            {t('followup.done', { time: formatTime(outcome.record.followUp.dueAt) })}
          </Alert.Paragraph>
          <StepList steps={outcome.steps} />
        </Banner>
      )}
      {outcome?.kind === 'failed' && (
        <Banner type="error" role="alert">
          <Alert.Title>{t('followup.failed')}</Alert.Title>
          <Alert.Paragraph>
            <PreText as="span">{outcome.error}</PreText>
          </Alert.Paragraph>
          <StepList steps={outcome.steps} />
        </Banner>
      )}
      {followUp.state.sendable && <Compose followUp={followUp} delivery={delivery} />}
    </Section>
  );
}
