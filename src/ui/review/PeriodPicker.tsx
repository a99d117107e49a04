import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Input, Radio } from '@zendeskgarden/react-forms';
import { useId, useState } from 'react';
import styled from 'styled-components';
import type { PeriodChoice } from '../../review/period';
import { w, type ReviewKey } from './words';

const Row = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  gap: ${(p) => p.theme.space.md};
  margin-bottom: ${(p) => p.theme.space.md};
`;

const Options = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.md};
`;

const DateField = styled(Field)`
  width: 11rem;
`;

type Option = 'last7' | 'last30' | 'last90' | 'dates';
const OPTIONS: readonly Option[] = ['last7', 'last30', 'last90', 'dates'];

const optionOf = (choice: PeriodChoice): Option => (choice.kind === 'dates' ? 'dates' : `last${choice.days}`);

const isoDay = (ms: number): string => {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** The period: the last 7, 30 or 90 days, or two dates; "Show" loads it. */
export function PeriodPicker({
  choice,
  busy,
  now,
  onShow,
}: {
  choice: PeriodChoice;
  busy: boolean;
  now: number;
  onShow: (choice: PeriodChoice) => void;
}) {
  const name = useId();
  const [option, setOption] = useState<Option>(optionOf(choice));
  const [from, setFrom] = useState(choice.kind === 'dates' ? choice.from : isoDay(now - 7 * 86_400_000));
  const [to, setTo] = useState(choice.kind === 'dates' ? choice.to : isoDay(now));
  const submit = () => {
    onShow(
      option === 'dates'
        ? { kind: 'dates', from, to }
        : { kind: 'last', days: option === 'last7' ? 7 : option === 'last90' ? 90 : 30 },
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Row>
        <Fieldset>
          <Fieldset.Legend>{w('period.legend')}</Fieldset.Legend>
          <Options>
            {OPTIONS.map((value) => (
              <Field key={value}>
                <Radio
                  name={name}
                  value={value}
                  checked={option === value}
                  onChange={() => {
                    setOption(value);
                  }}
                >
                  <Field.Label isRegular>{w(`period.${value}` as ReviewKey)}</Field.Label>
                </Radio>
              </Field>
            ))}
          </Options>
        </Fieldset>
        {option === 'dates' && (
          <>
            <DateField>
              <Field.Label>{w('period.from')}</Field.Label>
              <Input
                type="date"
                value={from}
                onChange={(event) => {
                  setFrom(event.target.value);
                }}
              />
            </DateField>
            <DateField>
              <Field.Label>{w('period.to')}</Field.Label>
              <Input
                type="date"
                value={to}
                onChange={(event) => {
                  setTo(event.target.value);
                }}
              />
            </DateField>
          </>
        )}
        <Button type="submit" disabled={busy}>
          {w('period.show')}
        </Button>
      </Row>
    </form>
  );
}
