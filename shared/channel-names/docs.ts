/** Bridge names of the docs domain (issue 3). Dependency-free: the preload imports it. */
export const DOCS_METHODS = [
  'docs.libraries',
  'docs.install',
  'docs.pause',
  'docs.resume',
  'docs.cancel',
  'docs.remove',
  'docs.search',
  'docs.topic',
  'docs.toc',
  'docs.bookmarks',
  'docs.setBookmark',
  'docs.history',
  'docs.clearHistory',
  'docs.scopes',
  'docs.saveScope',
  'docs.deleteScope',
  'docs.feedback',
  'docs.remoteImage',
  'docs.importFromDisk',
  'docs.exportToDisk',
] as const;
export const DOCS_EVENTS = ['docs.onDidChangeLibraries', 'docs.onProgress', 'docs.onFeedbackRefused'] as const;
