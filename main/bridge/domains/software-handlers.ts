import type { SOFTWARE_METHODS } from '../../../shared/channel-names/software';
import type { Services } from '../../compose';
import type { Handler } from '../handlers';

type SoftwareMethod = (typeof SOFTWARE_METHODS)[number];

/** Bridge handlers of the software domain: one line each, calling a service. */
export function softwareHandlers(s: Services): { [M in SoftwareMethod]: Handler<M> } {
  return {
    'software.catalogue': (query) => s.software.catalogue(query ?? {}),
    'software.licence': ({ productId }) => s.software.licence(productId),
    'software.acceptLicence': ({ productId, version }) => s.software.acceptLicence(productId, version),
    'software.applications': () => s.software.applications(),
    'software.apply': (input) => s.software.apply(input),
    'software.requestHelp': (input) => s.software.requestHelp(input),
    'software.download': async ({ productId, fileId }) => s.software.view((await s.software.download(productId, fileId)).id),
    'software.downloads': () => s.software.downloadViews(),
    'software.pauseDownload': async ({ id }) => (await s.downloads.pause(s.software.softwareJob(id).id), s.software.view(id)),
    'software.resumeDownload': async ({ id }) => (await s.downloads.resume(s.software.softwareJob(id).id), s.software.view(id)),
    'software.cancelDownload': async ({ id }) => (await s.downloads.cancel(s.software.softwareJob(id).id), s.software.view(id)),
    'software.removeDownload': ({ id }) => s.downloads.remove(s.software.softwareJob(id).id),
    'software.showInFolder': ({ id }) => s.software.showInFolder(id),
    'software.downloadFolder': () => s.software.downloadFolder(),
  };
}
