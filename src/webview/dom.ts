// DOM helpers. Text is only ever set with textContent or text nodes: nothing here
// parses a string as HTML.
import { cssVar, FALLBACK_BACKGROUNDS } from '../extension/palette';

/** Creates an element with an optional class and text (set as textContent, never parsed). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The element with this id (the page's fixed skeleton, written by the extension). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`the panel page lacks #${id}`);
  return e as T;
}

/** Applies a palette slot's colours to an element as the CSS custom properties --cc-bg / --cc-border. */
export function paint(e: HTMLElement, slot: number): void {
  const fallback = FALLBACK_BACKGROUNDS[(slot - 1) % FALLBACK_BACKGROUNDS.length];
  e.style.setProperty('--cc-bg', `var(${cssVar(slot, 'Background')}, ${fallback})`);
  e.style.setProperty('--cc-border', `var(${cssVar(slot, 'Border')}, transparent)`);
}

/** Attribute selector `[name="value"]` with the value escaped for CSS. */
export function attr(name: string, value: string): string {
  return `[${name}="${CSS.escape(value)}"]`;
}

/** The element an event targets, when it is an element. */
export function targetElement(e: Event): HTMLElement | undefined {
  return e.target instanceof HTMLElement ? e.target : undefined;
}
