import { contextBridge, ipcRenderer } from 'electron';
import { buildSupportBridge } from '../shared/build-bridge';
import { EVENT_CHANNEL, EVENT_NAMES, INVOKE_CHANNEL, type EventName } from '../shared/channels';

// Generic on purpose: everything comes from the channel list. Callbacks get payloads only, never
// the IPC event (which would hand the page `sender` and a way back into ipcRenderer).
const support = buildSupportBridge({
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  subscribe(listener) {
    const forward = (_event: unknown, name: unknown, payload: unknown) => {
      if (typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name)) listener(name as EventName, payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
  },
});

contextBridge.exposeInMainWorld('support', support);
