import type { ZafClient } from '../../zendesk/types';

/**
 * A ticket's number as a link: in Zendesk it opens the ticket in the agent interface (ZAF `routeTo`),
 * and its address works in a new tab too. The subject follows as text, never as HTML.
 */
export function TicketLink({
  client,
  subdomain,
  id,
  subject,
}: {
  client: ZafClient;
  subdomain: string | null;
  id: number;
  subject: string;
}) {
  const href = subdomain === null ? `#ticket-${id}` : `https://${subdomain}.zendesk.com/agent/tickets/${id}`;
  return (
    <>
      <a
        href={href}
        onClick={(event) => {
          event.preventDefault();
          void client.invoke('routeTo', 'ticket', id).catch(() => undefined);
        }}
      >
        #{id}
      </a>{' '}
      <span>{subject}</span>
    </>
  );
}
