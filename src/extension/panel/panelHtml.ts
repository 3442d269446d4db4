// The corpus panel's page: a strict Content-Security-Policy with a fresh nonce,
// the toolbar and containers that media/panel.js fills with textContent only
// (#cc-pair: the two-article comparison of a "Compare With…" panel).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { PANEL_TITLE } from '../commands/ids';

/** A fresh CSP nonce for each page load: 128 random bits from the OS, base64url. */
function nonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The webview options of every corpus panel: scripts on, only media/ reachable. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    // Only media/ (panel.js, panel.css, the icon) is ever loaded; nothing else is reachable.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The panel page's HTML, loading media/panel.js and media/panel.css. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const pairStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'pair.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<link href="${pairStyle}" rel="stylesheet">
<title>${PANEL_TITLE}</title>
</head>
<body>
<header id="cc-toolbar" role="toolbar" aria-label="Crosscheck">
  <label><input type="checkbox" id="cc-filter-quotes" checked> Quotes</label>
  <label><input type="checkbox" id="cc-filter-passages" checked> Passages</label>
  <label><input type="checkbox" id="cc-filter-substantive"> Substantive divergences only</label>
  <span class="cc-sep"></span>
  <button id="cc-prev" title="Previous match (k / p)" aria-label="Previous match">&#8592;</button>
  <button id="cc-next" title="Next match (j / n)" aria-label="Next match">&#8594;</button>
  <span id="cc-position" aria-live="polite"></span>
  <span class="cc-sep"></span>
  <span id="cc-status" aria-live="polite"></span>
</header>
<details id="cc-overview-box" open>
  <summary>Legend and sources &times; clusters</summary>
  <div id="cc-legend" aria-label="Legend"></div>
  <div id="cc-overview"></div>
</details>
<div id="cc-body">
  <main id="cc-columns"></main>
  <main id="cc-pair" hidden aria-label="Comparison of the two articles"></main>
  <aside id="cc-detail" hidden aria-label="Match detail"></aside>
</div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}
