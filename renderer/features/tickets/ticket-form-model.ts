import { z } from 'zod';
import { OriginSchema, TicketCreateSchema } from '../../../shared/api/tickets';
import type { DraftValues } from '../../../shared/contract/tickets-contract';

/** The form's own shape: the originating page is one text field here, an object in the draft. */
export type FormValues = Omit<DraftValues, 'origin'> & { originRef: string; originKind: 'doc' | 'software' };

export const toFormValues = (draft: DraftValues): FormValues => {
  const { origin, ...rest } = draft;
  return { ...rest, originRef: origin?.ref ?? '', originKind: origin?.kind ?? 'doc' };
};

export const toDraftValues = (form: FormValues): DraftValues => {
  const { originRef, originKind, ...rest } = form;
  const ref = originRef.trim();
  return { ...rest, origin: ref ? { kind: originKind, ref } : null };
};

/** The same rules the service applies (shared/api/tickets.ts), checked before anything is queued. */
export const FormSchema = TicketCreateSchema.omit({ origin: true }).extend({
  attachmentIds: z.array(z.string()),
  originKind: OriginSchema.shape.kind,
  originRef: z.union([z.literal(''), OriginSchema.shape.ref]),
});

/** Limits for a translated "too long" message, mirroring the schema. */
export const MAX_LENGTH: Record<string, number> = {
  title: 200, description: 10_000, product: 100, version: 50, deviceSerial: 64, originRef: 300,
  'contact.name': 100, 'contact.email': 254, 'contact.phone': 32, 'contact.contactAddress': 500, 'contact.company': 200,
};
