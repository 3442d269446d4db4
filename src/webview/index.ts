// Entry point of the corpus panel's script, bundled by esbuild into media/panel.js
// (an IIFE for the browser). The extension writes the page's skeleton and its CSP;
// this script builds the rest with createElement/textContent only: article text is
// never parsed as HTML.
import type { ToWebview } from '../extension/panel/protocol';
import { findElements, PanelApp } from './app';
import { wireInput } from './input';
import { handleMessage } from './messages';
import { connectHost } from './vscodeApi';

function main(): void {
  const app = new PanelApp(connectHost(), findElements());
  wireInput(app);
  window.addEventListener('message', (e: MessageEvent<ToWebview>) => handleMessage(app, e.data));
  app.start();
}

main();
