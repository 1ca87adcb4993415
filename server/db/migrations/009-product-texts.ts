/**
 * Product summaries and licence texts in more than one language (issue 15: every word in both
 * languages). software_products keeps the English text, which is also the fallback; a row here
 * gives one product's text in one other locale. The licence version stays the product's: accepting
 * the Chinese text of licence 2026.1 is accepting licence 2026.1.
 */
export const name = 'product-texts';

export const up = `
CREATE TABLE software_product_texts (
  product_id TEXT NOT NULL REFERENCES software_products (id) ON DELETE CASCADE,
  locale TEXT NOT NULL CHECK (locale IN ('zh-CN')),
  summary TEXT NOT NULL,
  licence_text TEXT NOT NULL,
  PRIMARY KEY (product_id, locale)
);
`;
