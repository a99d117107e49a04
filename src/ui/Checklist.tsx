import { useId } from 'react';
import styled from 'styled-components';
import type { Bundle } from '../engine';
import type { ChecklistKey } from '../engine/bundle';
import { getColor } from './color';
import { Choice, Fieldset, Legend } from './forms';
import { t } from './i18n';
import { Section } from './Section';

/** The agent's answers: a key absent means "not answered", which the engine reads differently from "no". */
export type ChecklistAnswers = Partial<Record<ChecklistKey, boolean>>;

/** The questions in the order the sidebar asks them. */
export const CHECKLIST_KEYS = [
  'troubleshooting_done',
  'info_complete',
  'known_issue_with_workaround',
  'only_wants_manager',
  'port_in_info_verified',
] as const satisfies readonly ChecklistKey[];

type Answer = 'unanswered' | 'yes' | 'no';
const ANSWERS: readonly Answer[] = ['unanswered', 'yes', 'no'];

const toAnswer = (value: boolean | undefined): Answer =>
  value === undefined ? 'unanswered' : value ? 'yes' : 'no';

const Question = styled(Fieldset)<{ $needed: boolean }>`
  margin-bottom: ${(p) => p.theme.space.sm};
  border-left: 3px solid
    ${(p) => (p.$needed ? getColor({ theme: p.theme, variable: 'border.warningEmphasis' }) : 'transparent')};
  padding-left: ${(p) => p.theme.space.xs};
`;

const Choices = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.sm};
`;

const Needed = styled.span`
  display: block;
  color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.warning' })};
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.regular};
`;

/** Props of {@link Checklist}. */
export interface ChecklistProps {
  answers: ChecklistAnswers;
  /** Questions that matter for this ticket and are not answered yet (`decision.open_questions`). */
  open: readonly ChecklistKey[];
  onChange: (key: ChecklistKey, value: boolean | undefined) => void;
}

function QuestionGroup({
  question,
  value,
  needed,
  onChange,
}: {
  question: ChecklistKey;
  value: boolean | undefined;
  needed: boolean;
  onChange: ChecklistProps['onChange'];
}) {
  const name = useId();
  const current = toAnswer(value);
  return (
    <Question $needed={needed}>
      <Legend>
        {t(`checklist.questions.${question}`)}
        {needed && <Needed>{t('checklist.needed')}</Needed>}
      </Legend>
      <Choices>
        {ANSWERS.map((answer) => (
          <Choice
            key={answer}
            type="radio"
            name={name}
            value={answer}
            checked={current === answer}
            onChange={() => {
              onChange(question, answer === 'unanswered' ? undefined : answer === 'yes');
            }}
          >
            {t(`answer.${answer}`)}
          </Choice>
        ))}
      </Choices>
    </Question>
  );
}

/**
 * The agent's checks from the guide's "do not escalate" list, each not answered, yes or no. The questions
 * this ticket still needs answered are marked; every answer re-decides at once.
 */
export function Checklist({ answers, open, onChange }: ChecklistProps) {
  return (
    <Section title={t('checklist.heading')}>
      <p>{t('checklist.hint')}</p>
      {CHECKLIST_KEYS.map((key) => (
        <QuestionGroup
          key={key}
          question={key}
          value={answers[key]}
          needed={open.includes(key)}
          onChange={onChange}
        />
      ))}
    </Section>
  );
}

/** The bundle with the agent's answers in place of the ones it was loaded with. */
export function withAnswers(bundle: Bundle, answers: ChecklistAnswers): Bundle {
  return { ...bundle, agent_checklist: { ...answers } };
}
