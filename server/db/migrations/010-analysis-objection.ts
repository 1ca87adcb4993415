/**
 * P2.5 / P5.3: an objection to product improvement upheld for an account. Its rows then stay out of
 * the analysis data set (server/privacy/product-analysis.ts) from that moment on.
 */
export const name = 'analysis-objection';

export const up = `
ALTER TABLE privacy_account_state ADD COLUMN analysis_objected_at BIGINT;
-- What a completed request did, as a code the client says in words (null: nothing beyond its kind).
ALTER TABLE privacy_requests ADD COLUMN outcome TEXT;
`;
