// Markdown helpers for hovers. Pure: no `vscode` import.

/**
 * Escapes text so markdown shows it literally (like MarkdownString.appendText): every
 * markup character is backslash-escaped, `<`, `>` and `&` become entities (so no HTML tag
 * or entity can come from an article), `:` and `@` are escaped so no bare URL or e-mail
 * address turns into a link, and every line break (CRLF, LF or a lone CR) becomes a space.
 * Used on article text at the start of a line, `=` may still underline a heading; harmless.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]()#+\-.!|~<>&"':@]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c))
    .replace(/\r\n|\r|\n/g, ' ');
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
