import type { StepResult } from '../zendesk/types';
import { t } from './i18n';
import { PlainList } from './Section';

/** Props of {@link StepList}. */
export interface StepListProps {
  steps: readonly StepResult[];
}

/** Each write step and how it ended, so nothing half-done goes unexplained. */
export function StepList({ steps }: StepListProps) {
  return (
    <PlainList>
      {steps.map((step, i) => (
        <li key={i}>
          <strong>{t(`steps.${step.step}`)}</strong>: {t(`steps.status.${step.status}`)}
          {step.detail && <> ({step.detail})</>}
        </li>
      ))}
    </PlainList>
  );
}
