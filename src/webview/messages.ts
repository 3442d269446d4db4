// Messages from the extension, dispatched to the panel.
import type { ToWebview } from '../extension/panel/protocol';
import type { PanelApp } from './app';

/** Handles one message from the extension (anything that is not a protocol message is ignored). */
export function handleMessage(app: PanelApp, msg: ToWebview): void {
  if (!msg || typeof msg !== 'object') return;
  switch (msg.type) {
    case 'model':
      app.setModel(msg.model, msg.focusCluster);
      break;
    case 'detail':
      app.showDetail(msg.detail);
      break;
    case 'texts':
      app.receiveTexts(msg.version, msg.texts);
      break;
    case 'focusCluster':
      app.focus(msg.cluster);
      break;
    case 'busy':
      app.setBusy(msg.busy, msg.message);
      break;
    case 'review':
      app.updateReview(msg.review, msg.toReview);
      break;
    default:
      assertNever(msg);
  }
}

/** Fails the type check when a `ToWebview` message type has no case above. */
function assertNever(msg: never): void {
  void msg;
}
