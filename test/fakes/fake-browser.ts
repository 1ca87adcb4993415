import { postForm, readLoginForm } from '../integration/helpers/oauth-flow';

/**
 * Stands in for the system browser during sign-in: opens the authorize page, types the credentials
 * into its form, and follows the redirect to the app's loopback receiver, as a person's browser does.
 * `tamper` may change the redirect before it is followed; `beforeRedirect` runs just before.
 */
export function fakeBrowser(credentials: { email: string; password: string }, options: { tamper?: (redirect: URL) => void; beforeRedirect?: () => void } = {}) {
  const pages: { status: number; url: string }[] = [];
  const visits: Promise<void>[] = [];
  const visit = async (authorizeUrl: string) => {
    const page = await fetch(authorizeUrl);
    const form = readLoginForm(await page.text(), authorizeUrl);
    const response = await postForm(form.action, { ...form.fields, ...credentials });
    pages.push({ status: response.status, url: form.action });
    const location = response.headers.get('location');
    if (!location) return;
    const redirect = new URL(location);
    options.tamper?.(redirect);
    options.beforeRedirect?.();
    await fetch(redirect);
  };
  const open = (authorizeUrl: string) => {
    const done = visit(authorizeUrl);
    visits.push(done);
    return done;
  };
  /** Resolves when every page this browser was asked to open has been dealt with. */
  const idle = () => Promise.all(visits).then(() => undefined);
  return { open, pages, idle };
}
