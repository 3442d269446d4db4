// The cluster palette: people must tell any two clusters apart. The distances are
// computed as the colours are drawn: translucent fills composited over the editor
// background of light and dark themes, opaque borders over high-contrast ones.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLUSTER_COLORS, colorDefaults, colorId, cssVar, DARK_ALPHA, FALLBACK_BACKGROUNDS, LIGHT_ALPHA, PALETTE_SIZE, slotOf } from '../../src/extension/palette';

type Rgb = [number, number, number];
type Lab = [number, number, number];

function rgbOf(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

/** `fg` with opacity `alpha` drawn over the opaque `bg`. */
function over(fg: Rgb, alpha: number, bg: Rgb): Rgb {
  return fg.map((f, i) => alpha * f + (1 - alpha) * bg[i]) as Rgb;
}

function linear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** sRGB (D65) to CIELAB. */
function labOf(rgb: Rgb): Lab {
  const [r, g, b] = rgb.map(linear);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005). */
function deltaE2000([L1, a1, b1]: Lab, [L2, a2, b2]: Lab): number {
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cb7 = ((C1 + C2) / 2) ** 7;
  const G = 0.5 * (1 - Math.sqrt(Cb7 / (Cb7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  let dhp = 0;
  if (C1p * C2p !== 0) dhp = Math.abs(h2p - h1p) <= 180 ? h2p - h1p : h2p - h1p > 180 ? h2p - h1p - 360 : h2p - h1p + 360;
  const dLp = L2 - L1;
  const dCp = C2p - C1p;
  const dHp = 2 * Math.sqrt(C1p * C2p) * Math.sin(rad(dhp / 2));
  const Lbp = (L1 + L2) / 2;
  const Cbp = (C1p + C2p) / 2;
  let hbp = h1p + h2p;
  if (C1p * C2p !== 0) hbp = Math.abs(h1p - h2p) <= 180 ? (h1p + h2p) / 2 : h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  const T = 1 - 0.17 * Math.cos(rad(hbp - 30)) + 0.24 * Math.cos(rad(2 * hbp)) + 0.32 * Math.cos(rad(3 * hbp + 6)) - 0.2 * Math.cos(rad(4 * hbp - 63));
  const dTheta = 30 * Math.exp(-(((hbp - 275) / 25) ** 2));
  const Cbp7 = Cbp ** 7;
  const Rc = 2 * Math.sqrt(Cbp7 / (Cbp7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lbp - 50) ** 2) / Math.sqrt(20 + (Lbp - 50) ** 2);
  const Sc = 1 + 0.045 * Cbp;
  const Sh = 1 + 0.015 * Cbp * T;
  const Rt = -Math.sin(rad(2 * dTheta)) * Rc;
  return Math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh));
}

/** WCAG contrast ratio of two opaque colours. */
function contrast(a: Rgb, b: Rgb): number {
  const lum = (c: Rgb) => 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The closest pair of a list of drawn colours. */
function closestPair(drawn: { slot: number; rgb: Rgb }[]): { d: number; a: number; b: number } {
  let best = { d: Infinity, a: 0, b: 0 };
  for (let i = 0; i < drawn.length; i++) {
    for (let j = i + 1; j < drawn.length; j++) {
      const d = deltaE2000(labOf(drawn[i].rgb), labOf(drawn[j].rgb));
      if (d < best.d) best = { d, a: drawn[i].slot, b: drawn[j].slot };
    }
  }
  return best;
}

/** Built-in themes: editor background, the panel's column background, text colour. */
const THEMES = [
  { name: 'Light Modern', kind: 'light', backgrounds: ['#ffffff', '#f8f8f8'], text: '#3b3b3b' },
  { name: 'Light+', kind: 'light', backgrounds: ['#ffffff', '#f3f3f3'], text: '#000000' },
  { name: 'Dark Modern', kind: 'dark', backgrounds: ['#1f1f1f', '#202020'], text: '#cccccc' },
  { name: 'Dark+', kind: 'dark', backgrounds: ['#1e1e1e', '#252526'], text: '#d4d4d4' },
  { name: 'Dark High Contrast', kind: 'highContrast', backgrounds: ['#000000'], text: '#ffffff' },
  { name: 'Light High Contrast', kind: 'highContrastLight', backgrounds: ['#ffffff'], text: '#292929' },
] as const;

/** Least CIEDE2000 distance between two cluster fills (light/dark) or borders (high contrast). */
const MIN_FILL_DISTANCE = 15;
const MIN_BORDER_DISTANCE = 20;

test('CIEDE2000 matches the published test pairs (Sharma et al.)', () => {
  const pairs: [Lab, Lab, number][] = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[90.9257, -0.5406, -0.9208], [88.6381, -0.8985, -0.7239], 1.5381],
  ];
  for (const [a, b, want] of pairs) assert.ok(Math.abs(deltaE2000(a, b) - want) < 1e-4, `${a} / ${b}: ${deltaE2000(a, b)} ≠ ${want}`);
});

test(`cluster fills are at least ${MIN_FILL_DISTANCE} ΔE2000 apart in light and dark themes, and text on them keeps 4.5:1`, () => {
  for (const theme of THEMES.filter((t) => t.kind === 'light' || t.kind === 'dark')) {
    const alpha = parseInt(theme.kind === 'light' ? LIGHT_ALPHA : DARK_ALPHA, 16) / 255;
    for (const bg of theme.backgrounds) {
      const drawn = CLUSTER_COLORS.map((c, i) => ({ slot: i + 1, rgb: over(rgbOf(theme.kind === 'light' ? c.light : c.dark), alpha, rgbOf(bg)) }));
      const close = closestPair(drawn);
      assert.ok(close.d >= MIN_FILL_DISTANCE, `${theme.name} on ${bg}: clusters ${close.a} and ${close.b} are only ${close.d.toFixed(1)} apart`);
      for (const d of drawn) {
        assert.ok(deltaE2000(labOf(d.rgb), labOf(rgbOf(bg))) >= 10, `${theme.name}: fill ${d.slot} hardly differs from the background`);
        assert.ok(contrast(d.rgb, rgbOf(theme.text)) >= 4.5, `${theme.name} on ${bg}: text on fill ${d.slot} has contrast ${contrast(d.rgb, rgbOf(theme.text)).toFixed(2)}`);
      }
    }
  }
});

test(`high-contrast borders are at least ${MIN_BORDER_DISTANCE} ΔE2000 apart and stand out from the background (3:1)`, () => {
  for (const theme of THEMES.filter((t) => t.kind === 'highContrast' || t.kind === 'highContrastLight')) {
    const bg = rgbOf(theme.backgrounds[0]);
    const drawn = CLUSTER_COLORS.map((c, i) => ({ slot: i + 1, rgb: rgbOf(theme.kind === 'highContrast' ? c.highContrast : c.highContrastLight) }));
    const close = closestPair(drawn);
    assert.ok(close.d >= MIN_BORDER_DISTANCE, `${theme.name}: clusters ${close.a} and ${close.b} are only ${close.d.toFixed(1)} apart`);
    for (const d of drawn) assert.ok(contrast(d.rgb, bg) >= 3, `${theme.name}: border ${d.slot} contrast ${contrast(d.rgb, bg).toFixed(2)}`);
  }
});

test('package.json contributes exactly the palette: one background and one border per slot, with these defaults', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
  const colors: { id: string; description: string; defaults: Record<string, string> }[] = pkg.contributes.colors;
  assert.equal(CLUSTER_COLORS.length, PALETTE_SIZE);
  assert.equal(colors.length, PALETTE_SIZE * 2);
  for (let slot = 1; slot <= PALETTE_SIZE; slot++) {
    for (const part of ['Background', 'Border'] as const) {
      const c = colors.find((x) => x.id === colorId(slot, part));
      assert.ok(c, `package.json lacks ${colorId(slot, part)}`);
      assert.deepEqual(c.defaults, colorDefaults(slot, part));
      assert.match(c.description, new RegExp(CLUSTER_COLORS[slot - 1].name));
    }
  }
  assert.deepEqual(FALLBACK_BACKGROUNDS, CLUSTER_COLORS.map((c) => c.light + LIGHT_ALPHA));
  assert.equal(cssVar(3, 'Background'), '--vscode-crosscheck-cluster3Background');
});

test('clusters c1…c8 get slots 1…8, so neighbouring clusters get the most distant neighbours of the palette', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => slotOf(`c${n}`)), [1, 2, 3, 4, 5, 6, 7, 8, 1]);
  const alpha = parseInt(LIGHT_ALPHA, 16) / 255;
  const white = rgbOf('#ffffff');
  for (let i = 0; i + 1 < CLUSTER_COLORS.length; i++) {
    const d = deltaE2000(labOf(over(rgbOf(CLUSTER_COLORS[i].light), alpha, white)), labOf(over(rgbOf(CLUSTER_COLORS[i + 1].light), alpha, white)));
    assert.ok(d >= 25, `slots ${i + 1} and ${i + 2} are only ${d.toFixed(1)} apart`);
  }
});
