import { ipcMain, type BrowserWindow, type WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/channels';
import type { EventSink } from '../bridge/events';
import type { Dispatch } from '../bridge/registrar';

/** The one place main touches raw IPC: a single invoke channel into the dispatcher, one event channel out. */
export function listenForBridgeCalls(dispatch: Dispatch): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    return dispatch(method, input, { url: frame?.url ?? '', isTopFrame: Boolean(frame && frame.parent === null) });
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export function eventSinkFor(windows: () => BrowserWindow[]): EventSink {
  return (event, payload) => {
    for (const window of windows()) send(window.webContents, event, payload);
  };
}

function send(contents: WebContents, event: string, payload: unknown): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
}
