/** Bridge names of the software domain (issue 4). Dependency-free: the preload imports it. */
export const SOFTWARE_METHODS = [
  'software.catalogue',
  'software.licence',
  'software.acceptLicence',
  'software.applications',
  'software.apply',
  'software.requestHelp',
  'software.download',
  'software.downloads',
  'software.pauseDownload',
  'software.resumeDownload',
  'software.cancelDownload',
  'software.removeDownload',
  'software.showInFolder',
  'software.downloadFolder',
] as const;
export const SOFTWARE_EVENTS = ['software.onDownloadChanged', 'software.onDownloadProgress', 'software.onApplicationDecided'] as const;
