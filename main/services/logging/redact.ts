/**
 * Scrubs what goes into a log file (issue 14): no tokens, passwords, cookies, Authorization headers
 * or personal data. Keys name what a value is; free text is scrubbed by pattern; the signed-in
 * person's own name, e-mail and phone (which no pattern can tell from other words) are replaced
 * wherever they appear.
 */
const SECRET_KEY = /pass(word|wd|phrase)?|secret|token|credential|cookie|authori[sz]ation|api[-_]?key|bearer|private[-_]?key|signature|verifier|^code$|^sid$|session[-_]?id/i;
const PERSONAL_KEY = /^(e-?mail(address)?|phone(number)?|mobile|tel|telephone|fax|(display|first|last|full|given|family|user|author|contact|customer)[-_]?name|name|surname|street|address(line\d)?|postcode|zip|city|birth(date|day)?)$/i;

const TEXT_RULES: ReadonlyArray<[RegExp, string]> = [
  // Headers written out as text (a request dump, an error message quoting them).
  [/\b(authorization|proxy-authorization|cookie|set-cookie)\s*[:=]\s*[^\r\n]*/gi, '$1: [redacted]'],
  [/\b(Bearer|Basic|Negotiate|NTLM|Digest)\s+[A-Za-z0-9._~+/=-]{6,}/gi, '$1 [redacted]'],
  // JSON Web Tokens anywhere.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[token]'],
  // Secrets in query strings, form bodies and "key": "value" JSON text.
  [/\b(access_token|refresh_token|id_token|token|code|code_verifier|client_secret|password|passwd|secret|api_?key|sid|session)=([^&\s"';,]+)/gi, '$1=[redacted]'],
  [/("(?:[a-z_]*password|[a-z_]*token|secret|client_secret|cookie|authorization|api_?key)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"[redacted]"'],
  // user:password@ in URLs.
  [/\/\/[^/\s:@]+:[^/\s@]+@/g, '//[redacted]@'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // Phone numbers: international (+49 30 1234567), North American (555-123-4567), or grouped national (030 1234 5678).
  [/\+\d[\d\s()./-]{6,}\d/g, '[phone]'],
  [/\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/g, '[phone]'],
  [/\b0\d{2,4}[\s/-]\d{3,4}[\s-]?\d{3,4}\b/g, '[phone]'],
];

const MAX_TEXT = 4000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 6;

export class Redactor {
  private personal: string[] = [];

  /** The signed-in person's own name, e-mail, phone: replaced wherever they appear (names match no pattern). */
  setPersonalValues(values: ReadonlyArray<string | null | undefined>): void {
    this.personal = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 3).map((v) => v.trim()))].sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let text = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}… [${value.length - MAX_TEXT} more characters]` : value;
    for (const known of this.personal) text = text.split(known).join('[personal]').replace(new RegExp(escapeRegExp(known), 'gi'), '[personal]');
    for (const [pattern, replacement] of TEXT_RULES) text = text.replace(pattern, replacement);
    return text;
  }

  /** A copy of any value with secrets and personal data replaced; Errors become plain objects with their stack. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function' ? String(value) : value;
    if (depth >= MAX_DEPTH) return '[too deep]';
    if (value instanceof Error) return this.error(value, depth);
    if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => this.value(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value).slice(0, MAX_ITEMS)) {
      if (SECRET_KEY.test(key)) out[key] = '[redacted]';
      else if (PERSONAL_KEY.test(key)) out[key] = '[personal]';
      else out[key] = this.value(child, depth + 1);
    }
    return out;
  }

  private error(error: Error, depth: number): Record<string, unknown> {
    const { code, status, cause } = error as Error & { code?: unknown; status?: unknown; cause?: unknown };
    return {
      type: error.name,
      message: this.text(error.message),
      ...(code !== undefined ? { code: this.value(code, depth + 1) } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(error.stack ? { stack: this.text(error.stack) } : {}),
      ...(cause !== undefined ? { cause: this.value(cause, depth + 1) } : {}),
    };
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
