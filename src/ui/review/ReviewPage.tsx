import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { Alert } from '../Alert';
import { getColor } from '../color';
import { formatTime } from '../format';
import { Heading, PlainList } from '../Section';
import { reportCsv } from '../../review/csv';
import type { EscalationRow, Report } from '../../review/report';
import type { ReviewPeriod } from '../../zendesk/review';
import type { ZafClient } from '../../zendesk/types';
import { downloadText } from './download';
import { EscalationTable } from './EscalationTable';
import { RuleTable } from './RuleTable';
import { SuggestedTable } from './SuggestedTable';
import { TicketLink } from './TicketLink';
import { Small } from './Table';
import { w } from './words';

const Totals = styled.dl`
  display: flex;
  flex-wrap: wrap;
  gap: ${(p) => p.theme.space.lg};
  margin: 0 0 ${(p) => p.theme.space.md};

  div {
    display: flex;
    flex-direction: column-reverse;
  }

  dt {
    color: ${(p) => getColor({ theme: p.theme, variable: 'foreground.subtle' })};
  }

  dd {
    margin: 0;
    font-size: ${(p) => p.theme.fontSizes.xl};
    font-weight: ${(p) => p.theme.fontWeights.semibold};
  }
`;

const Bar = styled.div`
  display: flex;
  flex-wrap: wrap;
  align-items: flex-end;
  justify-content: space-between;
  gap: ${(p) => p.theme.space.md};
  margin-bottom: ${(p) => p.theme.space.sm};
`;

const Part = styled.section`
  margin-bottom: ${(p) => p.theme.space.lg};
`;

const Spaced = styled.div`
  margin-bottom: ${(p) => p.theme.space.md};
`;

type Filter = 'all' | 'overridden' | 'bounced' | 'overdue';
const FILTERS: readonly Filter[] = ['all', 'overridden', 'bounced', 'overdue'];
const keep: Record<Filter, (row: EscalationRow) => boolean> = {
  all: () => true,
  overridden: (row) => row.overridden,
  bounced: (row) => row.bounce !== null,
  overdue: (row) => row.followUp === 'overdue',
};

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The loaded review: totals, warnings, the three tables and the CSV export. */
export function ReviewPage({
  report,
  period,
  client,
  subdomain,
}: {
  report: Report;
  period: ReviewPeriod;
  client: ZafClient;
  subdomain: string | null;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => report.rows.filter(keep[filter]), [report, filter]);
  const { totals } = report;
  return (
    <>
      <p>
        {w('period.shown', {
          from: formatTime(new Date(period.from).toISOString()),
          to: formatTime(new Date(period.to).toISOString()),
        })}
      </p>
      <Totals>
        <div>
          <dt>{w('summary.escalations')}</dt>
          <dd>{totals.escalations}</dd>
        </div>
        <div>
          <dt>{w('summary.overridden')}</dt>
          <dd>{totals.overridden}</dd>
        </div>
        <div>
          <dt>{w('summary.bounced')}</dt>
          <dd>{totals.bounced}</dd>
        </div>
        <div>
          <dt>{w('summary.overdue')}</dt>
          <dd>{totals.overdue}</dd>
        </div>
        <div>
          <dt>{w('summary.suggested')}</dt>
          <dd>{totals.suggested}</dd>
        </div>
      </Totals>
      {report.warnings.length > 0 && (
        <Spaced>
          <Alert type="warning" role="alert">
            <Alert.Title>{w('capped')}</Alert.Title>
            {report.warnings.map((warning) => (
              <Alert.Paragraph key={warning}>{warning}</Alert.Paragraph>
            ))}
          </Alert>
        </Spaced>
      )}
      <Part aria-labelledby="review-escalations">
        <Bar>
          <Heading id="review-escalations">{w('escalations.title')}</Heading>
          <Field>
            <Field.Label>{w('filter.label')}</Field.Label>
            <Select
              value={filter}
              onChange={(event) => {
                setFilter(event.target.value as Filter);
              }}
            >
              {FILTERS.map((value) => (
                <option key={value} value={value}>
                  {w(`filter.${value}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            onClick={() => {
              downloadText(
                `escalation-review-${day(period.from)}-to-${day(period.to)}.csv`,
                reportCsv(report, {
                  from: new Date(period.from).toISOString(),
                  to: new Date(period.to).toISOString(),
                }),
              );
            }}
          >
            {w('export')}
          </Button>
        </Bar>
        <Small>{w('escalations.count', { shown: rows.length, total: report.rows.length })}</Small>
        <Small>{w('bounce_definition')}</Small>
        <EscalationTable rows={rows} client={client} subdomain={subdomain} caption={w('escalations.title')} />
      </Part>
      <Part aria-labelledby="review-suggested">
        <Heading id="review-suggested">{w('suggested.title')}</Heading>
        <SuggestedTable rows={report.suggested} client={client} subdomain={subdomain} />
      </Part>
      <Part aria-labelledby="review-rules">
        <Heading id="review-rules">{w('rules.title')}</Heading>
        <Small>{w('rules.hint')}</Small>
        {report.withoutRules > 0 && <Small>{w('rules.without_rules', { count: report.withoutRules })}</Small>}
        <RuleTable rules={report.rules} />
      </Part>
      {report.unreadable.length > 0 && (
        <Part aria-labelledby="review-unreadable">
          <Heading id="review-unreadable">{w('unreadable.title')}</Heading>
          <PlainList>
            {report.unreadable.map((item) => (
              <li key={item.ticketId}>
                <TicketLink client={client} subdomain={subdomain} id={item.ticketId} subject={item.subject} />
                <Small>{item.problem}</Small>
              </li>
            ))}
          </PlainList>
        </Part>
      )}
    </>
  );
}
