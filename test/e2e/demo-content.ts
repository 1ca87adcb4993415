import { expect, type test } from './preview-fixture';

type Preview = Parameters<Parameters<typeof test>[2]>[0]['preview'];

/** Installs a catalogue library through the service (the download and import the Libraries screen starts), once. */
export async function installLibrary(preview: Preview, libraryId: string): Promise<void> {
  const libraries = preview.services.docs.libraries;
  const state = async () => (await libraries.list()).libraries.find((l) => l.id === libraryId)?.state;
  if ((await state()) === 'installed') return;
  await libraries.install(libraryId);
  await expect.poll(state, { timeout: 60_000 }).toBe('installed');
}

/** A request sent through the app's own outbox (as the form would), delivered; its id. */
export async function sentRequest(preview: Preview, title: string): Promise<string> {
  const tickets = preview.services.tickets;
  const draft = await tickets.newDraft();
  tickets.saveDraft(draft.id, {
    ...draft.values, title, description: 'The fans run at full speed after the upgrade.', product: 'Core Switch', severity: 'medium', category: 'malfunction',
  });
  tickets.submitDraft(draft.id);
  await expect.poll(() => tickets.outboxItems().length).toBe(0);
  return (await tickets.list({ q: title })).items[0]!.id;
}
