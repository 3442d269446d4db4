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

/** Defaults for `contributes.colors` (background: translucent fill; border: used in high contrast). */
export const PALETTE_DEFAULTS: { light: string; dark: string; hc: string }[] = [
  { light: '#ffd54f66', dark: '#ffd54f40', hc: '#ffd54f' },
  { light: '#4fc3f766', dark: '#4fc3f740', hc: '#4fc3f7' },
  { light: '#81c78466', dark: '#81c78440', hc: '#81c784' },
  { light: '#f48fb166', dark: '#f48fb140', hc: '#f48fb1' },
  { light: '#ffb74d66', dark: '#ffb74d40', hc: '#ffb74d' },
  { light: '#b39ddb66', dark: '#b39ddb40', hc: '#b39ddb' },
  { light: '#4db6ac66', dark: '#4db6ac40', hc: '#4db6ac' },
  { light: '#e5737366', dark: '#e5737340', hc: '#e57373' },
];

/** The `contributes.colors` entries (used to generate and to check package.json). */
export function contributedColors(): { id: string; description: string; defaults: Record<string, string> }[] {
  const out: { id: string; description: string; defaults: Record<string, string> }[] = [];
  PALETTE_DEFAULTS.forEach((d, i) => {
    const slot = i + 1;
    out.push({
      id: colorId(slot, 'Background'),
      description: `Background of Crosscheck match cluster colour ${slot} (editor highlights and the corpus panel).`,
      defaults: { light: d.light, dark: d.dark, highContrast: '#00000000', highContrastLight: '#00000000' },
    });
    out.push({
      id: colorId(slot, 'Border'),
      description: `Border of Crosscheck match cluster colour ${slot}; used in high-contrast themes.`,
      defaults: { light: '#00000000', dark: '#00000000', highContrast: d.hc, highContrastLight: '#000000' },
    });
  });
  return out;
}
