import { getColor } from './color';
import { Alert } from './Alert';
import styled from 'styled-components';
import { RULES, type Blocker, type Decision } from '../engine';
import { teamNames } from './format';
import { t } from './i18n';
import { PlainList, PreText, Section } from './Section';

const Seen = styled(PlainList)`
  margin-top: ${(p) => p.theme.space.xxs};
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

/** Props of {@link Blockers}. */
export interface BlockersProps {
  blockers: readonly Blocker[];
  heldBack: Decision['held_back'];
}

const guideRow = (rule: string): string => RULES.find((r) => r.id === rule)?.guideRow ?? rule;

/**
 * The guide's "do not escalate" reasons that hold, each with what to do instead and what in the ticket
 * shows it, and the rules they hold back.
 */
export function Blockers({ blockers, heldBack }: BlockersProps) {
  if (blockers.length === 0) return null;
  return (
    <Section title={t('blockers.heading')}>
      <PlainList>
        {blockers.map((b) => (
          <li key={b.id}>
            <Alert type="warning" role="note">
              <PreText>{b.message}</PreText>
              {b.evidence.length > 0 && (
                <Seen aria-label={t('blockers.evidence')}>
                  {b.evidence.map((line, i) => (
                    <li key={i}>
                      <PreText>{line}</PreText>
                    </li>
                  ))}
                </Seen>
              )}
            </Alert>
          </li>
        ))}
        {heldBack.map((h) => (
          <li key={h.rule}>
            {t('blockers.held_back', { rule: guideRow(h.rule), teams: teamNames(h.targets) })}
          </li>
        ))}
      </PlainList>
    </Section>
  );
}
