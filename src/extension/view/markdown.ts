// Markdown helpers for hovers. Pure: no `vscode` import.

/**
 * Escapes text so a hover's markdown (which allows some HTML) shows it literally, like
 * MarkdownString.appendText; stricter than core report's escapeMarkdown (for report files). Every
 * markup character is backslash-escaped, `<`, `>` and `&` become entities (so no HTML tag
 * or entity can come from an article), `:` and `@` are escaped so no bare URL or e-mail
 * address turns into a link, and every line break (CRLF, LF or a lone CR) becomes a space.
 * Used on article text at the start of a line, `=` may still underline a heading; harmless.
 */
export function escapeHoverText(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]()#+\-.!|~<>&"':@]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c))
    .replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Wraps an escaped piece in an HTML element. Markdown's `**`/`~~` do not open
 * between a letter and punctuation (`variety**.**` shows the stars), so diff
 * pieces use <del>/<ins>, which VS Code's hover sanitizer allows (the hover
 * sets supportHtml; user text is escaped, so it can never add elements).
 * Outer whitespace stays outside the element.
 */
function wrapTag(tag: 'del' | 'ins', raw: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(raw)!;
  if (!m[2]) return raw ? ' ' : '';
  return `${m[1] ? ' ' : ''}<${tag}>${escapeHoverText(m[2])}</${tag}>${m[3] ? ' ' : ''}`;
}

/** A deleted diff piece, escaped, in a `<del>` element (shown struck through). */
export function deletedHtml(raw: string): string {
  return wrapTag('del', raw);
}

/** An inserted diff piece, escaped, in an `<ins>` element (shown underlined). */
export function insertedHtml(raw: string): string {
  return wrapTag('ins', raw);
}
