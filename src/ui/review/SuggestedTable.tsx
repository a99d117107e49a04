import { formatTime } from '../format';
import type { SuggestedRow } from '../../review/report';
import type { ZafClient } from '../../zendesk/types';
import { Table, TableScroll } from './Table';
import { TicketLink } from './TicketLink';
import { w } from './words';

/** Open tickets the save guard tagged `escalation_suggested` that nobody escalated. */
export function SuggestedTable({
  rows,
  client,
  subdomain,
}: {
  rows: readonly SuggestedRow[];
  client: ZafClient;
  subdomain: string | null;
}) {
  if (rows.length === 0) return <p>{w('suggested.empty')}</p>;
  return (
    <TableScroll>
      <Table>
        <thead>
          <tr>
            <th scope="col">{w('suggested.columns.ticket')}</th>
            <th scope="col">{w('suggested.columns.status')}</th>
            <th scope="col">{w('suggested.columns.group')}</th>
            <th scope="col">{w('suggested.columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.ticketId} data-ticket={row.ticketId}>
              <td>
                <TicketLink client={client} subdomain={subdomain} id={row.ticketId} subject={row.subject} />
              </td>
              <td>{row.status}</td>
              <td>{row.group}</td>
              <td>{formatTime(row.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableScroll>
  );
}
