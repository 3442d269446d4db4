// Markdown helpers for hovers. Pure: no `vscode` import.

/** Escapes text so markdown shows it literally (like MarkdownString.appendText). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]()#+\-.!|~<>&"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c))
    .replace(/\r?\n/g, ' ');
}

/** Wraps an escaped piece in a markdown marker, keeping outer whitespace outside it. */
function wrap(marker: string, raw: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
  if (!m[2]) return raw ? ' ' : '';
  return `${m[1] ? ' ' : ''}${marker}${escapeMarkdown(m[2])}${marker}${m[3] ? ' ' : ''}`;
}

/**
 * Wraps an escaped piece in an HTML element. Markdown's `**`/`~~` do not open
 * between a letter and punctuation (`variety**.**` shows the stars), so diff
 * pieces use <del>/<ins>, which VS Code's hover sanitizer allows (the hover
 * sets supportHtml; user text is escaped, so it can never add elements).
 */
function wrapTag(tag: 'del' | 'ins', raw: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
  if (!m[2]) return raw ? ' ' : '';
  return `${m[1] ? ' ' : ''}<${tag}>${escapeMarkdown(m[2])}</${tag}>${m[3] ? ' ' : ''}`;
}

/** A deleted diff piece, struck through. */
export function strike(raw: string): string {
  return wrapTag('del', raw);
}

/** An inserted diff piece, underlined/marked. */
export function bold(raw: string): string {
  return wrapTag('ins', raw);
}

export function italic(raw: string): string {
  return wrap('_', raw);
}
