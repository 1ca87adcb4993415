import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { HealthSchema, ProfileSchema, TokenResponseSchema } from '../../shared/api';
import * as docs from '../../shared/api/docs';
import * as privacy from '../../shared/api/privacy';
import * as software from '../../shared/api/software';
import * as tickets from '../../shared/api/tickets';

/**
 * The shared schemas that get their own entry in components/schemas (and a $ref wherever they are
 * used, nested ones too). The name goes into the library's own registry against the very schema
 * object the routes use (not a copy, as `.openapi(name)` would make), so nothing in shared/ changes
 * and a schema nested anywhere becomes a $ref without editing this list.
 */
const NAMED: Record<string, z.ZodType> = {
  Health: HealthSchema,
  TokenResponse: TokenResponseSchema,
  Profile: ProfileSchema,
  DocsLibrary: docs.CatalogueEntrySchema,
  DocsSearchHit: docs.OnlineHitSchema,
  DocsTopic: docs.RemoteTopicSchema,
  DocsFeedback: docs.FeedbackSchema,
  SoftwareProduct: software.ProductSchema,
  SoftwareRelease: software.ReleaseSchema,
  SoftwareFile: software.SoftwareFileSchema,
  SignedManifest: software.SignedManifestSchema,
  Licence: software.LicenceSchema,
  AccessApplication: software.AccessApplicationSchema,
  HelpRequest: software.HelpRequestSchema,
  Ticket: tickets.TicketSchema,
  TicketSummary: tickets.TicketSummarySchema,
  TicketCreate: tickets.TicketCreateSchema,
  Contact: tickets.ContactSchema,
  Origin: tickets.OriginSchema,
  Comment: tickets.CommentSchema,
  Attachment: tickets.AttachmentSchema,
  FeedEvent: tickets.FeedEventSchema,
  Device: tickets.DeviceSchema,
  MyData: privacy.MyDataSchema,
  Consents: privacy.ConsentsSchema,
  RightsRequest: privacy.RightsRequestSchema,
  NewRightsRequest: privacy.NewRightsRequestSchema,
  NewExport: privacy.NewExportSchema,
  ExportJob: privacy.ExportJobSchema,
  ExportManifest: privacy.ExportManifestSchema,
  Disclosures: privacy.DisclosuresSchema,
  Policy: privacy.PolicySchema,
  Recommendations: privacy.RecommendationsSchema,
  TelemetryEvent: privacy.TelemetryEventSchema,
};

let named = false;

export function nameSharedSchemas(): void {
  if (named) return;
  named = true;
  for (const [refId, schema] of Object.entries(NAMED)) zodToOpenAPIRegistry.add(schema, { _internal: { refId } });
}
