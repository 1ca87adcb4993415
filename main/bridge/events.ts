import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import type { Services } from '../compose';
import { SOFTWARE_KIND, toDownloadView } from '../services/software/software-service';

export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Forwards every service event to the bridge's event sink (IPC in the app, the socket in the preview). */
export function forwardEvents(s: Services, sink: EventSink): () => void {
  const subscriptions = [
    s.session.onDidChange.on((state) => sink('session.onDidChange', state)),
    s.settings.onDidChange.on((settings) => sink('settings.onDidChange', settings)),
    s.network.onDidChange.on((status) => sink('network.onDidChangeStatus', status)),
    s.tickets.onDidChange.on((change) => sink('tickets.onDidChange', change)),
    s.tickets.onDidReceiveReply.on((reply) => sink('tickets.onDidReceiveReply', reply)),
    s.tickets.onUploadProgress.on((progress) => sink('tickets.onUploadProgress', progress)),
    s.docs.libraries.onDidChange.on((change) => sink('docs.onDidChangeLibraries', change)),
    s.docs.libraries.onProgress.on((progress) => sink('docs.onProgress', progress)),
    s.docs.onDidRefuseFeedback.on(({ library, topicId, error }) => sink('docs.onFeedbackRefused', { library, topicId, message: error.message })),
    s.desktop.navigation.onNavigate.on((target) => sink('desktop.onNavigate', target)),
    s.desktop.navigation.onCommand.on((command) => sink('desktop.onCommand', command)),
    s.desktop.proxyLogin.onDidRequest.on((request) => sink('desktop.onProxyLogin', request)),
    s.desktop.proxyLogin.onDidSettle.on((settled) => sink('desktop.onProxyLoginSettled', settled)),
    s.desktop.updates.onDidChange.on((status) => sink('desktop.onUpdateStatus', status)),
    s.downloads.onDidChange.on((job) => job.kind === SOFTWARE_KIND && sink('software.onDownloadChanged', toDownloadView(job))),
    s.downloads.onProgress.on((progress) => s.software.isSoftwareDownload(progress.id) && sink('software.onDownloadProgress', progress)),
    s.software.onApplicationDecided.on((application) => sink('software.onApplicationDecided', application)),
    s.recovery.onDidChange.on((report) => sink('recovery.onDidChange', report)),
    s.service.onDidChange.on((status) => sink('service.onDidChange', status)),
  ];
  return () => subscriptions.forEach((unsubscribe) => unsubscribe());
}
