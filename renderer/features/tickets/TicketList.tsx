import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TicketListItem } from '../../../shared/contract/tickets-contract';
import { formatDateTime } from '../../i18n/format';

const ROW_HEIGHT = 64;

/**
 * Every request the user may see, virtualised: only the rows in view (plus a few) are in the DOM,
 * so 10,000 requests scroll as smoothly as 10. Positions are announced with aria-posinset/setsize.
 */
export function TicketList({ items, empty }: { items: TicketListItem[]; empty: string }) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The compiler leaves this component unmemoized, which is right for a virtualizer that re-renders on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });

  if (!items.length) return <p className="tickets__empty">{empty}</p>;
  return (
    <div ref={scroller} className="ticket-list" tabIndex={-1}>
      <ol className="ticket-list__inner" style={{ height: virtualizer.getTotalSize() }} aria-label={t('tickets.list.label')}>
        {virtualizer.getVirtualItems().map((row) => {
          const ticket = items[row.index]!;
          return (
            <li
              key={ticket.id}
              data-ticket-row=""
              className="ticket-row"
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              <Link to={`/tickets/${ticket.id}`} className="ticket-row__link">
                <span className="ticket-row__main">
                  {ticket.unread && (
                    <span className="unread-dot" title={t('tickets.list.unread')}>
                      <span className="visually-hidden">{t('tickets.list.unread')}</span>
                    </span>
                  )}
                  <span className="ticket-row__number">{ticket.number}</span>
                  <span className="ticket-row__title">{ticket.title}</span>
                </span>
                <span className="ticket-row__meta">
                  <span className={`badge badge--${ticket.status}`}>{t(`tickets.status.${ticket.status}`)}</span>
                  <span className={`severity severity--${ticket.severity}`}>{t(`tickets.severity.${ticket.severity}`)}</span>
                  <span>{ticket.product}</span>
                  <span>{t('tickets.list.updated', { time: formatDateTime(ticket.updatedAt, i18n.language) })}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
