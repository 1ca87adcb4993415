import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FailReasonSchema, PassReasonSchema } from '../../../shared/contract/download-reason';

// The renderer words each verdict from renderer/i18n/<language>.json (downloadReason.<code>), through
// renderer/ui/DownloadReasonText.tsx; a code without a wording would show the English message instead.
const messages = (language: string) => (JSON.parse(readFileSync(new URL(`../../../renderer/i18n/${language}.json`, import.meta.url), 'utf8')) as { downloadReason: Record<string, string> }).downloadReason;
const options = [...FailReasonSchema.options, ...PassReasonSchema.options];
const codes = options.map((option) => option.shape.code.value);
// Checksums are the string figures named expected, actual or sha256 (sizes are numbers).
const isChecksum = (name: string, schema: unknown) => ['expected', 'actual', 'sha256'].includes(name) && schema instanceof z.ZodString;

describe('every verdict code is worded in English and Simplified Chinese', () => {
  it.each(['en', 'zh-CN'])('%s has a wording for each code, and only for those', (language) => {
    expect(Object.keys(messages(language)).sort()).toEqual([...codes].sort());
  });

  it.each(['en', 'zh-CN'])('%s uses every figure of each code, checksums in full inside <code>', (language) => {
    for (const option of options) {
      const text = messages(language)[option.shape.code.value]!;
      for (const [name, schema] of Object.entries(option.shape).filter(([name]) => name !== 'code')) {
        expect(text).toContain(isChecksum(name, schema) ? `<code>{{${name}}}</code>` : `{{${name}}}`);
      }
    }
  });
});
