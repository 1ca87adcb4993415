import type { FeedbackInput } from '../../../shared/api/docs';
import type { EventPayload, MethodInput } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

export const docsApi = {
  libraries: () => call(support().docs.libraries()),
  install: (libraryId: string) => call(support().docs.install({ libraryId })),
  pause: (libraryId: string) => call(support().docs.pause({ libraryId })),
  resume: (libraryId: string) => call(support().docs.resume({ libraryId })),
  cancel: (libraryId: string) => call(support().docs.cancel({ libraryId })),
  remove: (libraryId: string) => call(support().docs.remove({ libraryId })),
  search: (input: MethodInput<'docs.search'>) => call(support().docs.search(input)),
  topic: (input: MethodInput<'docs.topic'>) => call(support().docs.topic(input)),
  toc: (library: string) => call(support().docs.toc({ library })),
  bookmarks: () => call(support().docs.bookmarks()),
  setBookmark: (input: MethodInput<'docs.setBookmark'>) => call(support().docs.setBookmark(input)),
  history: () => call(support().docs.history()),
  clearHistory: () => call(support().docs.clearHistory()),
  scopes: () => call(support().docs.scopes()),
  saveScope: (input: MethodInput<'docs.saveScope'>) => call(support().docs.saveScope(input)),
  deleteScope: (id: number) => call(support().docs.deleteScope({ id })),
  feedback: (input: FeedbackInput) => call(support().docs.feedback(input)),
  remoteImage: (url: string) => call(support().docs.remoteImage({ url })),
  importFromDisk: (kind: 'folder' | 'package') => call(support().docs.importFromDisk({ kind })),
  exportToDisk: (libraryId: string) => call(support().docs.exportToDisk({ libraryId })),
  openExternal: (url: string) => call(support().app.openExternal({ url })),
  onLibrariesChanged: (callback: (change: EventPayload<'docs.onDidChangeLibraries'>) => void) => support().on('docs.onDidChangeLibraries', callback),
  onProgress: (callback: (progress: EventPayload<'docs.onProgress'>) => void) => support().on('docs.onProgress', callback),
  onFeedbackRefused: (callback: (refusal: EventPayload<'docs.onFeedbackRefused'>) => void) => support().on('docs.onFeedbackRefused', callback),
};
