// The webview's link to the extension: typed messages out, persisted state.
// VS Code injects `acquireVsCodeApi` into the page; it may be called only once.
import type { FromWebview, PanelState } from '../extension/panel/protocol';

/** What `acquireVsCodeApi()` returns (the part of it the panel uses). */
interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** Sends messages to the extension and keeps the state VS Code restores after a reload. */
export interface Host {
  /** Posts a message to the extension (only the protocol's `FromWebview` shapes). */
  post(msg: FromWebview): void;
  /** The state saved before this page was (re)loaded, if any. */
  savedState(): PanelState | undefined;
  /** Saves the state handed to the extension's serializer when the window reloads. */
  saveState(state: PanelState): void;
}

/** Connects to VS Code (call once per page). */
export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (msg) => api.postMessage(msg),
    savedState: () => (api.getState() as PanelState | undefined) ?? undefined,
    saveState: (state) => api.setState(state),
  };
}
