// The cluster colour palette shared by editor highlights and the webview.
// Pure: no `vscode` import. Colour ids are contributed in package.json
// (`contributes.colors`, which must equal CLUSTER_COLORS: a unit test checks it),
// and VS Code exposes each one to webviews as the CSS variable
// `--vscode-crosscheck-clusterNBackground` (dots become dashes).
//
// The colours are a qualitative palette chosen so that any two clusters stay
// apart for a person: as drawn (translucent over the editor background in light
// and dark themes, as opaque borders in high contrast), every pair is at least
// 15 CIEDE2000 units apart (20 in high contrast), and highlighted text keeps a
// WCAG contrast of at least 4.5 (test/unit/palette.test.ts computes both).

/** Number of cluster colours; cluster n gets slot ((n - 1) mod PALETTE_SIZE) + 1. */
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

/** The two contributed colours of a slot: the highlight's fill and its border. */
export type ColorPart = 'Background' | 'Border';

/** Theme colour id, e.g. `crosscheck.cluster3Background`. */
export function colorId(slot: number, part: ColorPart): string {
  return `crosscheck.cluster${slot}${part}`;
}

/** CSS variable VS Code injects into webviews for a contributed colour. */
export function cssVar(slot: number, part: ColorPart): string {
  return `--vscode-${colorId(slot, part).replace(/\./g, '-')}`;
}

/** One palette slot: its name and its colours per theme kind (opaque #rrggbb). */
export interface ClusterColor {
  /** The hue's name, used in the colour's description. */
  name: string;
  /** Highlight fill in light themes (drawn with LIGHT_ALPHA). */
  light: string;
  /** Highlight fill in dark themes (drawn with DARK_ALPHA). */
  dark: string;
  /** Highlight border in dark high-contrast themes (no fill). */
  highContrast: string;
  /** Highlight border in light high-contrast themes (no fill). */
  highContrastLight: string;
}

/** Opacity of a highlight fill in light themes (0x73 of 0xff). */
export const LIGHT_ALPHA = '73';
/** Opacity of a highlight fill in dark themes (0x4d of 0xff). */
export const DARK_ALPHA = '4d';

/** The palette, slot 1 first; neighbouring slots are far apart, so clusters c1, c2, … alternate hues. */
export const CLUSTER_COLORS: readonly ClusterColor[] = [
  { name: 'orange', light: '#ffb280', dark: '#ffb280', highContrast: '#ff9933', highContrastLight: '#592d00' },
  { name: 'green', light: '#33ff33', dark: '#30f030', highContrast: '#52cc66', highContrastLight: '#1e5900' },
  { name: 'magenta', light: '#f230e5', dark: '#f230e5', highContrast: '#ff99cc', highContrastLight: '#59002d' },
  { name: 'olive', light: '#bfb526', dark: '#bfb526', highContrast: '#ffea00', highContrastLight: '#8c7500' },
  { name: 'indigo', light: '#263bbf', dark: '#263bbf', highContrast: '#aa33ff', highContrastLight: '#0000a6' },
  { name: 'teal', light: '#4cd9bd', dark: '#4cd9bd', highContrast: '#00d4ff', highContrastLight: '#177373' },
  { name: 'red', light: '#ff334e', dark: '#ff334e', highContrast: '#ff002b', highContrastLight: '#a66369' },
  { name: 'sky blue', light: '#80c4ff', dark: '#80c4ff', highContrast: '#0077cc', highContrastLight: '#6369a6' },
];

/** A transparent colour (the fill in high contrast, the border elsewhere). */
const NONE = '#00000000';

/** The theme defaults of one slot's contributed colour, as package.json declares them. */
export function colorDefaults(slot: number, part: ColorPart): { light: string; dark: string; highContrast: string; highContrastLight: string } {
  const c = CLUSTER_COLORS[slot - 1];
  if (part === 'Background') return { light: c.light + LIGHT_ALPHA, dark: c.dark + DARK_ALPHA, highContrast: NONE, highContrastLight: NONE };
  return { light: NONE, dark: NONE, highContrast: c.highContrast, highContrastLight: c.highContrastLight };
}

/** Backgrounds the webview uses when a theme colour variable is missing (the light theme's, slot 1 first). */
export const FALLBACK_BACKGROUNDS: readonly string[] = CLUSTER_COLORS.map((c) => c.light + LIGHT_ALPHA);
