import { z } from 'zod';
import {
  ConsentsSchema,
  DisclosuresSchema,
  ExportJobListSchema,
  ExportJobSchema,
  MyDataSchema,
  PolicySchema,
  RecommendationsSchema,
  RightsRequestListSchema,
  RightsRequestSchema,
  type ConsentChange,
  type NewExport,
  type NewRightsRequest,
} from '../../../shared/api/privacy';
import type { ApiClient } from '../api/api-client';

const ContactSchema = z.object({ email: z.string(), postal: z.string() });

/** The privacy center's calls to the support service, each answer checked against its schema. */
export class PrivacyApi {
  constructor(
    private readonly api: ApiClient,
    private readonly publicApi: ApiClient,
  ) {}

  myData = () => this.api.request({ method: 'GET', path: '/privacy/my-data', schema: MyDataSchema });
  consents = () => this.api.request({ method: 'GET', path: '/privacy/consents', schema: ConsentsSchema });
  setConsent = (change: ConsentChange) => this.api.request({ method: 'PUT', path: '/privacy/consents', schema: ConsentsSchema, body: change });
  recommendations = () => this.api.request({ method: 'GET', path: '/privacy/recommendations', schema: RecommendationsSchema });
  disclosures = () => this.api.request({ method: 'GET', path: '/privacy/disclosures', schema: DisclosuresSchema });
  policy = () => this.api.request({ method: 'GET', path: '/privacy/policy', schema: PolicySchema });
  acknowledgePolicy = (version: string) =>
    this.api.request({ method: 'POST', path: '/privacy/policy/acknowledgements', schema: PolicySchema, body: { version } });
  /** Public: the contact must be reachable signed out too (P5.7). */
  contact = () => this.publicApi.request({ method: 'GET', path: '/privacy/contact', schema: ContactSchema, auth: false });
  requests = async () => (await this.api.request({ method: 'GET', path: '/privacy/requests', schema: RightsRequestListSchema })).requests;
  createRequest = (input: NewRightsRequest) => this.api.request({ method: 'POST', path: '/privacy/requests', schema: RightsRequestSchema, body: input });
  confirmRequest = (id: string) => this.api.request({ method: 'POST', path: `/privacy/requests/${encodeURIComponent(id)}/confirm`, schema: RightsRequestSchema });
  exports = async () => (await this.api.request({ method: 'GET', path: '/privacy/exports', schema: ExportJobListSchema })).exports;
  exportJob = (id: string) => this.api.request({ method: 'GET', path: `/privacy/exports/${encodeURIComponent(id)}`, schema: ExportJobSchema });
  createExport = (input: NewExport) => this.api.request({ method: 'POST', path: '/privacy/exports', body: input, schema: ExportJobSchema });
}
