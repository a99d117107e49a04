import { Button } from './Button';
import { useId } from 'react';
import styled from 'styled-components';
import { TARGETS, type Target } from '../engine';
import type { AppSettings } from '../zendesk/types';
import { getColor } from './color';
import { Choice, Fieldset, TextField } from './forms';
import { sameSet } from './format';
import { t } from './i18n';
import { Section } from './Section';

const Option = styled(Choice)`
  margin-bottom: ${(p) => p.theme.space.xxs};
`;

const Aside = styled.span`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
`;

const Problem = styled.p`
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.danger' })};
`;

const Override = styled(TextField)`
  margin-top: ${(p) => p.theme.space.sm};
`;

/** Props of {@link TargetPicker}. */
export interface TargetPickerProps {
  /** The engine's teams, primary first. */
  suggested: readonly Target[];
  chosen: readonly Target[];
  overrideReason: string;
  groups: AppSettings['groups'];
  onChange: (targets: Target[]) => void;
  onReasonChange: (reason: string) => void;
}

/** Whether the agent's teams differ from the suggestion and so need a reason. */
export function isOverride(suggested: readonly Target[], chosen: readonly Target[]): boolean {
  return !sameSet(suggested, chosen);
}

/**
 * The teams to escalate to, the suggested ones ticked. Choosing differently asks for a reason, and the
 * escalation cannot be confirmed until there is one.
 */
export function TargetPicker({
  suggested,
  chosen,
  overrideReason,
  groups,
  onChange,
  onReasonChange,
}: TargetPickerProps) {
  const override = isOverride(suggested, chosen);
  const toggle = (target: Target, on: boolean) => {
    const next = TARGETS.filter((x) => (x === target ? on : chosen.includes(x)));
    onChange(next);
  };
  const reasonMissing = override && overrideReason.trim() === '';
  const headingId = useId();
  const hintId = useId();
  return (
    <Section title={t('targets.legend')} headingId={headingId}>
      <p id={hintId}>{t('targets.hint')}</p>
      <Fieldset aria-labelledby={headingId} aria-describedby={hintId}>
        {TARGETS.map((target) => (
          <Option
            key={target}
            type="checkbox"
            checked={chosen.includes(target)}
            onChange={(on) => {
              toggle(target, on);
            }}
          >
            {t(`teams.${target}`)}
            {suggested.includes(target) && <Aside> {t('targets.suggested')}</Aside>}
            {groups[target] === undefined && <Aside> {t('targets.no_group')}</Aside>}
          </Option>
        ))}
      </Fieldset>
      {chosen.length === 0 && <Problem role="status">{t('targets.none_chosen')}</Problem>}
      {override && (
        <>
          <Override
            label={t('targets.override_label')}
            hint={t('targets.override_hint')}
            minRows={2}
            value={overrideReason}
            required
            error={reasonMissing && t('targets.override_missing')}
            onChange={onReasonChange}
          />
          <Button
            size="small"
            isBasic
            onClick={() => {
              onChange([...suggested]);
            }}
          >
            {t('targets.reset')}
          </Button>
        </>
      )}
    </Section>
  );
}
