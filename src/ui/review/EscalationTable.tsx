import { formatTime } from '../format';
import { teamsText, type EscalationRow } from '../../review/report';
import type { ZafClient } from '../../zendesk/types';
import { Flag, HiddenCaption, Small, Table, TableScroll } from './Table';
import { TicketLink } from './TicketLink';
import { w } from './words';

/** One row per escalation: ticket, when and by whom, suggested against chosen, follow-up, bounce. */
export function EscalationTable({
  rows,
  client,
  subdomain,
  caption,
}: {
  rows: readonly EscalationRow[];
  client: ZafClient;
  subdomain: string | null;
  caption: string;
}) {
  if (rows.length === 0) return <p>{w('escalations.empty')}</p>;
  return (
    <TableScroll>
      <Table>
        <HiddenCaption>{caption}</HiddenCaption>
        <thead>
          <tr>
            <th scope="col">{w('escalations.columns.ticket')}</th>
            <th scope="col">{w('escalations.columns.escalated')}</th>
            <th scope="col">{w('escalations.columns.by')}</th>
            <th scope="col">{w('escalations.columns.suggested')}</th>
            <th scope="col">{w('escalations.columns.chosen')}</th>
            <th scope="col">{w('escalations.columns.reason')}</th>
            <th scope="col">{w('escalations.columns.urgency')}</th>
            <th scope="col">{w('escalations.columns.followUp')}</th>
            <th scope="col">{w('escalations.columns.bounced')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ticketId} data-ticket={row.ticketId}>
              <td>
                <TicketLink client={client} subdomain={subdomain} id={row.ticketId} subject={row.subject} />
                {row.source === 'note' && <Small>{w('escalations.from_note')}</Small>}
              </td>
              <td>{formatTime(row.escalatedAt)}</td>
              <td>{row.by}</td>
              <td>{teamsText(row.suggested)}</td>
              <td>
                {row.overridden ? (
                  <Flag $tone="warning">{teamsText(row.chosen)}</Flag>
                ) : (
                  teamsText(row.chosen)
                )}
              </td>
              <td>{row.overrideReason ?? ''}</td>
              <td>{row.urgency ?? w('escalations.unknown')}</td>
              <td>
                {row.followUp === 'overdue' ? (
                  <Flag $tone="danger">{w('escalations.overdue', { due: formatTime(row.followUpDue) })}</Flag>
                ) : row.followUp === 'done' ? (
                  w('escalations.done')
                ) : (
                  w('escalations.due', { due: formatTime(row.followUpDue) })
                )}
              </td>
              <td>
                {row.bounce !== null ? (
                  <>
                    <Flag $tone="danger">{w('escalations.yes')}</Flag>
                    <Small>
                      {w('escalations.bounced_to', {
                        group: row.bounce.toGroup,
                        at: formatTime(row.bounce.at),
                      })}
                    </Small>
                  </>
                ) : row.bounceKnown ? (
                  w('escalations.no')
                ) : (
                  <Small>{w('escalations.no_group')}</Small>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableScroll>
  );
}
