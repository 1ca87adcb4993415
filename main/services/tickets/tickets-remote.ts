import { openAsBlob } from 'node:fs';
import {
  AttachmentSchema, CommentSchema, DeviceListSchema, FeedSchema, TicketListSchema, TicketSchema,
  type TicketCreate, type TicketListQuery,
} from '../../../shared/api/tickets';
import { AppError } from '../../../shared/errors';
import type { ApiClient } from '../api/api-client';

/** The support API's ticket routes, as the app calls them. */
export class TicketsRemote {
  constructor(private readonly api: ApiClient) {}

  list(query: TicketListQuery = {}) {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]): [string, string] => [k, String(v)]));
    return this.api.request({ method: 'GET', path: `/tickets?${params}`, schema: TicketListSchema });
  }

  get(id: string) {
    return this.api.request({ method: 'GET', path: `/tickets/${encodeURIComponent(id)}`, schema: TicketSchema });
  }

  create(input: TicketCreate, key: string) {
    return this.api.request({ method: 'POST', path: '/tickets', schema: TicketSchema, body: input, headers: { 'Idempotency-Key': key } });
  }

  reply(ticketId: string, body: string, key: string) {
    return this.api.request({
      method: 'POST', path: `/tickets/${encodeURIComponent(ticketId)}/comments`, schema: CommentSchema, body: { body }, headers: { 'Idempotency-Key': key },
    });
  }

  close(id: string) {
    return this.api.request({ method: 'POST', path: `/tickets/${encodeURIComponent(id)}/close`, schema: TicketSchema });
  }

  reopen(id: string) {
    return this.api.request({ method: 'POST', path: `/tickets/${encodeURIComponent(id)}/reopen`, schema: TicketSchema });
  }

  feed(since: number | 'latest') {
    return this.api.request({ method: 'GET', path: `/tickets/changes?since=${since}`, schema: FeedSchema });
  }

  async devices() {
    return (await this.api.request({ method: 'GET', path: '/devices', schema: DeviceListSchema })).items;
  }

  /** An attachment's bytes as a stream (the caller writes and verifies them). */
  async downloadAttachment(ticketId: string, attachmentId: string): Promise<ReadableStream<Uint8Array>> {
    const response = await this.api.stream({ url: `/tickets/${encodeURIComponent(ticketId)}/attachments/${encodeURIComponent(attachmentId)}` });
    if (!response.body) throw new AppError('server', 'The server sent an empty answer.');
    return response.body;
  }

  /**
   * Streams a file from disk as multipart/form-data, reporting bytes as they leave. The multipart
   * framing comes from the platform's own FormData encoder (via a Request), not written by hand.
   */
  async uploadAttachment(ticketId: string, file: { path: string; name: string; size: number }, key: string, onProgress: (sent: number) => void) {
    const form = new FormData();
    form.append('file', await openAsBlob(file.path), file.name);
    const encoded = new Request(this.api.baseUrl, { method: 'POST', body: form });
    let sent = 0;
    const counted = encoded.body!.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          sent = Math.min(file.size, sent + chunk.byteLength);
          onProgress(sent);
          controller.enqueue(chunk);
        },
      }),
    );
    const response = await this.api.stream({
      method: 'POST',
      url: `/tickets/${encodeURIComponent(ticketId)}/attachments`,
      headers: { 'Content-Type': encoded.headers.get('content-type')!, 'Idempotency-Key': key, Accept: 'application/json' },
      body: counted,
    });
    const body: unknown = response.body ? await new Response(response.body).json().catch(() => undefined) : undefined;
    const parsed = AttachmentSchema.safeParse(body);
    if (!parsed.success) throw new AppError('server', 'The support service sent an answer this app does not understand.');
    return parsed.data;
  }
}
