import type { TFunction } from 'i18next';
import { isBridgeError } from '../app/bridge';

/** A localized sentence for any thrown value; the server's own text stays available as a detail. */
export function errorText(t: TFunction, error: unknown): { summary: string; detail?: string } {
  if (!isBridgeError(error)) return { summary: t('errors.codes.internal') };
  const summary = t(`errors.codes.${error.code}`);
  return error.message && error.message !== summary ? { summary, detail: error.message } : { summary };
}
