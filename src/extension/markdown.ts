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

export function strike(raw: string): string {
  return wrap('~~', raw);
}

export function bold(raw: string): string {
  return wrap('**', raw);
}

export function italic(raw: string): string {
  return wrap('_', raw);
}
