import type { Ticket } from '../../../shared/api/tickets';

export { formatBytes } from '../../i18n/format';

export type SlaState = 'met' | 'missed' | 'pending' | 'overdue';

/** Where the first-response target stands: met or missed once answered, pending or overdue before. */
export function slaState(ticket: Pick<Ticket, 'slaDueAt' | 'firstResponseAt'>, now = Date.now()): SlaState {
  const due = Date.parse(ticket.slaDueAt);
  if (ticket.firstResponseAt) return Date.parse(ticket.firstResponseAt) <= due ? 'met' : 'missed';
  return now > due ? 'overdue' : 'pending';
}


/** A picked file's bytes as base64, for the preview's bridge (size checked before). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
