import type { AccessApplicationInput, CatalogueQuery, HelpRequestInput } from '../../../shared/api/software';
import type { EventPayload } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

/** The only file of the software feature that touches window.support. */
export const softwareApi = {
  catalogue: (query: CatalogueQuery) => call(support().software.catalogue(query)),
  licence: (productId: string) => call(support().software.licence({ productId })),
  acceptLicence: (productId: string, version: string) => call(support().software.acceptLicence({ productId, version })),
  applications: () => call(support().software.applications()),
  apply: (input: AccessApplicationInput) => call(support().software.apply(input)),
  requestHelp: (input: HelpRequestInput) => call(support().software.requestHelp(input)),
  download: (productId: string, fileId: string) => call(support().software.download({ productId, fileId })),
  downloads: () => call(support().software.downloads()),
  pause: (id: string) => call(support().software.pauseDownload({ id })),
  resume: (id: string) => call(support().software.resumeDownload({ id })),
  cancel: (id: string) => call(support().software.cancelDownload({ id })),
  remove: (id: string) => call(support().software.removeDownload({ id })),
  showInFolder: (id: string) => call(support().software.showInFolder({ id })),
  downloadFolder: () => call(support().software.downloadFolder()),
  profile: () => call(support().profile.get()),
  onDownloadChanged: (cb: (view: EventPayload<'software.onDownloadChanged'>) => void) => support().on('software.onDownloadChanged', cb),
  onDownloadProgress: (cb: (p: EventPayload<'software.onDownloadProgress'>) => void) => support().on('software.onDownloadProgress', cb),
  onApplicationDecided: (cb: (a: EventPayload<'software.onApplicationDecided'>) => void) => support().on('software.onApplicationDecided', cb),
};
