/**
 * The one rule for an attachment's file name, applied where a name enters (the service receiving an
 * upload, the app staging a file) and where it leaves for the user (the save dialog), so a name that
 * an older server stored or another client sent is still made safe here.
 *
 * Removed: the folder part, control characters (C0, C1), every Unicode format character (\p{Cf}:
 * the bidi overrides and isolates such as U+202E, which made `invoice\u202Etxt.exe` look like
 * "invoiceexe.txt", and the zero-width characters U+200B-U+200D, U+2060, U+FEFF), line and paragraph
 * separators, and the characters Windows forbids in a name (replaced by "_"). Trailing dots and spaces
 * go (Windows drops them, changing the extension), a reserved device name (CON, NUL, COM1...) gets a
 * "_" in front, and an empty result becomes "attachment". The result never exceeds 200 characters
 * and keeps its extension when it is shortened.
 */
export const MAX_ATTACHMENT_NAME = 200;

const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Trailing dots and whitespace off the end, whitespace off the start. */
const tidy = (name: string) => name.replace(/[.\s]+$/u, '').trimStart();

export function safeAttachmentName(raw: string): string {
  const last = raw.replace(/\\/g, '/').split('/').pop() ?? '';
  let name = tidy(last.normalize('NFC').replace(INVISIBLE, '').replace(WINDOWS_FORBIDDEN, '_'));
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  const chars = [...name];
  if (chars.length > MAX_ATTACHMENT_NAME) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 ? [...name.slice(dot)] : [];
    const keep = extension.length > 0 && extension.length <= 20 ? extension : [];
    name = tidy(chars.slice(0, MAX_ATTACHMENT_NAME - keep.length).join('')) + keep.join('');
  }
  return name === '' || name === '.' || name === '..' ? 'attachment' : name;
}
