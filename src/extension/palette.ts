// The cluster colour palette shared by editor highlights and the webview.
// Pure: no `vscode` import. Colour ids are contributed in package.json
// (`contributes.colors`), and VS Code exposes each one to webviews as the CSS
// variable `--vscode-crosscheck-clusterNBackground` (dots become dashes).

export const PALETTE_SIZE = 8;

/** Palette slot (1…PALETTE_SIZE) of a cluster id `c<n>`; stable for a given id. */
export function slotOf(clusterId: string): number {
  const m = /(\d+)\s*$/.exec(clusterId);
  let n: number;
  if (m) n = parseInt(m[1], 10) - 1;
  else {
    n = 0;
    for (let i = 0; i < clusterId.length; i++) n = (n * 31 + clusterId.charCodeAt(i)) >>> 0;
  }
  return (((n % PALETTE_SIZE) + PALETTE_SIZE) % PALETTE_SIZE) + 1;
}

export type ColorPart = 'Background' | 'Border';

/** Theme colour id, e.g. `crosscheck.cluster3Background`. */
export function colorId(slot: number, part: ColorPart): string {
  return `crosscheck.cluster${slot}${part}`;
}

/** CSS variable VS Code injects into webviews for a contributed colour. */
export function cssVar(slot: number, part: ColorPart): string {
  return `--vscode-${colorId(slot, part).replace(/\./g, '-')}`;
}

/**
 * Backgrounds the webview uses when a theme colour variable is missing (the light
 * theme's defaults of `contributes.colors`, slot 1 first).
 */
export const FALLBACK_BACKGROUNDS: readonly string[] = ['#ffd54f66', '#4fc3f766', '#81c78466', '#f48fb166', '#ffb74d66', '#b39ddb66', '#4db6ac66', '#e5737366'];
