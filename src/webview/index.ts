// Entry point of the corpus panel's script, bundled by esbuild into media/panel.js
// (an IIFE for the browser). The extension writes the page's skeleton and its CSP;
// this script builds the rest with createElement/textContent only: article text is
// never parsed as HTML.
import type { ToWebview } from '../extension/panel/protocol';
import { findElements, PanelApp } from './app';
import { wireInput } from './input';
import { handleMessage } from './messages';
import { PairView } from './pairView';
import { byId } from './dom';
import { connectHost } from './vscodeApi';

function main(): void {
  const app = new PanelApp(connectHost(), findElements());
  wireInput(app);
  const pair = new PairView(byId('cc-pair'), app.ui.columns, {
    select: (cluster, article) => app.select(cluster, article, false),
    reveal: (article, start, end) => app.host.post({ type: 'reveal', article, start, end }),
  });
  app.onRender = (index) => pair.render(index);
  app.onSelect = (cluster, scroll) => scroll && pair.reveal(cluster);
  window.addEventListener('message', (e: MessageEvent<ToWebview>) => handleMessage(app, e.data));
  app.start();
}

main();
