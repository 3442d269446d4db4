// A better title for an article without front matter: the first line that reads like a
// headline, not a date line, a bullet, a byline or a share line. Pure.

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\\.?,?';

/** A line that is only a date (with weekday, time, "Updated:" and the like around it). */
const DATE_LINE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|date)\\s*:?\\s*)?(?:${WEEKDAY}\\s*)?(?:` +
    `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` +
    `|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}` +
    `|\\d{4}-\\d{2}-\\d{2}(?:[T ][\\d:.]+Z?)?` +
    `|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}` +
    `)(?:\\s*(?:at\\s*)?\\d{1,2}[:.]\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*[A-Z]{2,4})?)?\\W*$`,
  'i',
);

/** A line that starts with a list or decoration bullet. */
const BULLET_LINE = /^[•·▪►▶◆■●○*+–—-](?:\s|$)/;

/** A byline, dateline or credit label: "By Chris Muhizi", "Written by …", "Posted …", "Photo: …". */
const BYLINE = /^(?:by|written by|reporting by|words by|posted|published|updated|last updated|photo|image|credit|source)\b/i;

/** A byline or credit is short; a longer line starting "By …" is a sentence ("By the time …"). */
const MAX_BYLINE_WORDS = 8;

/** A breadcrumb trail: "Home » World » Europe", "News > Politics". */
const BREADCRUMB = /^[^»›>|]{1,40}(?:\s[»›>|]\s[^»›>|]{1,40}){1,}$/;

/** A share, follow or navigation line: "Share with others", "Follow us", "Read more". */
const SHARE_LINE = /^(?:share|tweet|follow|email|print|comments?|advertisement|skip to|read more|listen|subscribe|sign up|menu|home)\b/i;

/** Fewest letters a headline has; "x" or "|" alone is not one. */
const MIN_LETTERS = 4;

/** Only the start of a text is searched for its headline. */
const MAX_HEADLINE_SCAN = 16 * 1024;

/** True when a (trimmed) line reads like a headline rather than page furniture. */
export function isHeadlineLike(line: string): boolean {
  if ((line.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return false;
  const words = line.split(/\s+/).length;
  if (BULLET_LINE.test(line) || DATE_LINE.test(line) || BREADCRUMB.test(line)) return false;
  if (BYLINE.test(line) && words <= MAX_BYLINE_WORDS) return false;
  if (SHARE_LINE.test(line) && words <= 6) return false;
  return true;
}

/**
 * The title of an article: the first line from `from` on (Markdown heading marks removed)
 * that reads like a headline; the first non-empty line when none does; '' for an empty text.
 */
export function headlineOf(text: string, from = 0): string {
  let fallback = '';
  for (const line of text.slice(from, from + MAX_HEADLINE_SCAN).split(/\r\n|\r|\n/)) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (!t) continue;
    if (isHeadlineLike(t)) return t;
    if (!fallback) fallback = t;
  }
  return fallback;
}
