import { Button } from './Button';
import { Alert } from './Alert';
import styled from 'styled-components';
import type { AppSettings, ZafClient } from '../zendesk/types';
import { ConfirmButton } from './ConfirmButton';
import { t } from './i18n';
import { WarningList } from './Notices';
import { Preview } from './Preview';
import { Result } from './Result';
import { PreText } from './Section';
import { ErrorState, LoadingState } from './States';
import { StepList } from './StepList';
import { SuggestionView } from './SuggestionView';
import { useEscalation, type Escalation } from './useEscalation';
import { HandoffPreview, HandoffResults } from './Handoffs';
import { useHandoffs, type Handoffs } from './useHandoffs';
import { useReplyEditor } from './useReplyEditor';
import { FollowUpPanel } from './FollowUpPanel';
import { SaveGuardPanel } from './SaveGuardPanel';
import { useFollowUp } from './useFollowUp';
import { useSaveGuard } from './useSaveGuard';
import type { ReplyEditorReview } from './Wording';

const Actions = styled.div`
  display: flex;
  flex-direction: column;
  gap: ${(p) => p.theme.space.xs};
  margin-bottom: ${(p) => p.theme.space.md};
`;

const Banner = styled(Alert)`
  margin-bottom: ${(p) => p.theme.space.sm};
`;

/** Props of {@link App}. */
export interface AppProps {
  client: ZafClient;
  settings: AppSettings;
  /** Settings an admin should fix; the app ignores those values meanwhile (see parseSettings). */
  settingsProblems?: readonly string[];
}

function Phase({
  flow,
  settings,
  editor,
  handoffs,
}: {
  flow: Escalation;
  settings: AppSettings;
  editor: ReplyEditorReview;
  handoffs: Handoffs;
}) {
  const { phase } = flow;
  switch (phase.kind) {
    case 'loading':
      return <LoadingState />;
    case 'error':
      return (
        <ErrorState title={t('error.load_title')} next={t('error.load_next')} problems={[phase.message]}>
          <Button onClick={() => void flow.reload()}>{t('error.retry')}</Button>
        </ErrorState>
      );
    case 'suggestion':
      return (
        <SuggestionView
          choices={flow.choices}
          settings={settings}
          notice={flow.notice}
          loadWarnings={flow.loadWarnings}
          editor={editor}
          onReview={flow.review}
        />
      );
    case 'confirming':
    case 'writing':
      return (
        <>
          <Preview plan={phase.plan} groups={settings.groups} primary={flow.choices.targets[0]} />
          <HandoffPreview plan={handoffs.plan} />
          <WarningList title={t('preview.warnings')} lines={phase.plan.warnings ?? []} />
          <Actions>
            <ConfirmButton writing={phase.kind === 'writing'} onConfirm={flow.confirm} />
            <Button isStretched disabled={phase.kind === 'writing'} onClick={flow.back}>
              {t('review.back')}
            </Button>
          </Actions>
        </>
      );
    case 'done':
      return (
        <>
          <Result
            targets={phase.targets}
            at={phase.outcome.at}
            followUpHours={phase.plan.followUpHours}
            steps={phase.outcome.steps}
          />
          <WarningList
            title={t('followup.tracking_off')}
            lines={phase.plan.trackingOff ? [phase.plan.trackingOff] : []}
          />
          <HandoffResults handoffs={handoffs} />
        </>
      );
    case 'failed':
      return (
        <>
          <Banner type="error" role="alert">
            <Alert.Title>{t('failed.title')}</Alert.Title>
            <Alert.Paragraph>
              <PreText as="span">{phase.outcome.error}</PreText>
            </Alert.Paragraph>
            <StepList steps={phase.outcome.steps} />
            <Alert.Paragraph>{t('failed.next')}</Alert.Paragraph>
          </Banner>
          <Actions>
            <Button isPrimary isStretched onClick={() => void flow.retry()}>
              {t('failed.retry')}
            </Button>
            <Button isStretched onClick={flow.back}>
              {t('failed.back')}
            </Button>
          </Actions>
        </>
      );
  }
}

/**
 * The ticket sidebar: reads the ticket, shows the engine's suggestion with its reasons, lets the agent
 * answer the checklist, choose teams and edit the texts, previews the write plan, and carries it out.
 */
export function App({ client, settings, settingsProblems = [] }: AppProps) {
  const flow = useEscalation(client, settings);
  const editor = useReplyEditor(client, flow.choices, flow.phase.kind === 'suggestion');
  // The follow-up and the guard write the fields the load found at run time, not only configured ones.
  const effective = flow.loaded?.settings ?? settings;
  const followUp = useFollowUp(client, effective, flow);
  const guard = useSaveGuard(client, effective, flow);
  const handoffs = useHandoffs(client, effective, flow);
  return (
    <>
      <WarningList
        title={t('error.settings_title')}
        intro={t('error.settings_next')}
        lines={settingsProblems}
      />
      <SaveGuardPanel guard={guard} />
      {followUp && flow.phase.kind === 'suggestion' && (
        <FollowUpPanel followUp={followUp} delivery={settings.messageDelivery} />
      )}
      <Phase flow={flow} settings={settings} editor={editor} handoffs={handoffs} />
    </>
  );
}
