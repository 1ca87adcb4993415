import { Route, Routes } from 'react-router';
import { DraftEditorPage } from './DraftEditorPage';
import { NewTicketPage } from './NewTicketPage';
import { TicketDetailPage } from './TicketDetailPage';
import { TicketsPage } from './TicketsPage';
import { useRefreshOnReconnect, useTicketEvents } from './use-tickets';
import './tickets.css';

/** /tickets, /tickets/new, /tickets/drafts/:draftId, /tickets/:ticketId */
export function TicketsRoutes() {
  useTicketEvents();
  useRefreshOnReconnect();
  return (
    <Routes>
      <Route index element={<TicketsPage />} />
      <Route path="new" element={<NewTicketPage />} />
      <Route path="drafts/:draftId" element={<DraftEditorPage />} />
      <Route path=":ticketId" element={<TicketDetailPage />} />
    </Routes>
  );
}
