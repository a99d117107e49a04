import { Button } from './Button';
import { useState } from 'react';
import styled from 'styled-components';
import { Alert, Banner } from './Alert';
import { teamNames } from './format';
import { TextField } from './forms';
import { t } from './i18n';
import { PlainList, PreText } from './Section';
import type { SaveGuard } from './useSaveGuard';

const Reason = styled(TextField)`
  margin: ${(p) => p.theme.space.sm} 0;
`;

/** The "Solve anyway" form: a required reason, recorded once in an internal note. */
function SolveAnyway({ guard, status }: { guard: SaveGuard; status: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  if (guard.outcome?.kind === 'done') {
    return <Alert.Paragraph>{t('guard.anyway_done', { status })}</Alert.Paragraph>;
  }
  if (!open) {
    return (
      <Button
        size="small"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('guard.anyway')}
      </Button>
    );
  }
  return (
    <>
      <Reason
        label={t('guard.anyway_label', { status })}
        hint={t('guard.anyway_hint')}
        status={missing ? t('guard.anyway_missing') : ''}
        minRows={2}
        value={reason}
        onChange={(value) => {
          setReason(value);
          setMissing(false);
        }}
      />
      {guard.outcome?.kind === 'failed' && (
        <Alert.Paragraph>
          <PreText as="span">{guard.outcome.error}</PreText>
        </Alert.Paragraph>
      )}
      <Button
        size="small"
        isPrimary
        disabled={guard.recording}
        aria-busy={guard.recording}
        onClick={() => {
          if (reason.trim() === '') setMissing(true);
          else void guard.solveAnyway(reason);
        }}
      >
        {t('guard.anyway_submit')}
      </Button>
    </>
  );
}

/**
 * What the save guard did at the last Submit: a blocked solve with the full explanation and "Solve
 * anyway", or a save that went ahead without the escalation the guide calls for.
 */
export function SaveGuardPanel({ guard }: { guard: SaveGuard }) {
  const { verdict } = guard;
  if (verdict === null) return null;
  if (verdict.kind === 'warn') {
    return (
      <Banner type="warning" role="alert">
        <Alert.Title>{t('guard.warn_title')}</Alert.Title>
        <Alert.Paragraph>
          {t('guard.warn_body', { teams: teamNames(verdict.teams), rows: verdict.rows.join('; ') })}
        </Alert.Paragraph>
      </Banner>
    );
  }
  return (
    <Banner type="error" role="alert">
      <Alert.Title>{t('guard.blocked_title', { status: verdict.status })}</Alert.Title>
      <PlainList>
        {verdict.reasons.map((reason, i) => (
          <li key={i}>{guard.explain(reason)}</li>
        ))}
      </PlainList>
      <SolveAnyway guard={guard} status={verdict.status} />
    </Banner>
  );
}
