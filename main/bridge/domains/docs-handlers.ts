import type { DOCS_METHODS } from '../../../shared/channel-names/docs';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type DocsMethod = (typeof DOCS_METHODS)[number];

/** Bridge handlers of the docs domain: one line each, calling a service. */
export function docsHandlers(s: Services): { [M in DocsMethod]: Handler<M> } {
  return {
    'docs.libraries': async () => ({ ...(await s.docs.libraries.list()), canUseDisk: s.docs.canUseDisk }),
    'docs.install': ({ libraryId }) => s.docs.libraries.install(libraryId),
    'docs.pause': ({ libraryId }) => s.docs.libraries.pause(libraryId),
    'docs.resume': ({ libraryId }) => s.docs.libraries.resume(libraryId),
    'docs.cancel': ({ libraryId }) => s.docs.libraries.cancel(libraryId),
    'docs.remove': ({ libraryId }) => s.docs.libraries.remove(libraryId),
    'docs.search': (input) => s.docs.search(input),
    'docs.topic': (input) => s.docs.reader.topic(input),
    'docs.toc': ({ library }) => s.docs.reader.toc(library),
    'docs.bookmarks': () => s.docs.reader.bookmarks(),
    'docs.setBookmark': (input) => s.docs.reader.setBookmark(input),
    'docs.history': () => s.docs.reader.history(),
    'docs.clearHistory': () => s.docs.reader.clearHistory(),
    'docs.scopes': () => s.docs.reader.scopes(),
    'docs.saveScope': (input) => s.docs.reader.saveScope(input),
    'docs.deleteScope': ({ id }) => s.docs.reader.deleteScope(id),
    'docs.feedback': (input) => s.docs.feedback(input),
    'docs.remoteImage': ({ url }) => s.docs.remoteImage(url),
    'docs.importFromDisk': ({ kind }) => s.docs.importFromDisk(kind),
    'docs.exportToDisk': ({ libraryId }) => s.docs.exportToDisk(libraryId),
  };
}
