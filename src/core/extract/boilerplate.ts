// Boilerplate detection: lines a news page carries around the story
// (cookie/privacy/terms links, copyright, bylines, photo credits, share
// buttons, promos, AI disclaimers). Such sentences never take part in
// cross-source matches. Patterns are general; every regex is anchored and
// linear (no nested quantifiers), and input is capped in length.

/** Longest sentence worth testing; longer text is never boilerplate. */
const MAX_LENGTH = 400;

/** Whole-line navigation and widget labels. */
const WIDGET_LINE = /^(?:x|×|close|menu|search|share|share (?:this|with (?:others|friends))(?: article| story)?|comments?|\d+ comments?|leave a comment|more in this section|more from [\w .-]{1,40}|related(?: articles| stories| news)?|read more|see also|advertisement|sponsored(?: content)?|subscribe(?: now)?|sign up|log ?in|home|top stories|trending(?: now)?|most read|recommended(?: for you)?|follow us(?: on [\w ]{1,30})?|print|email|tweet|whatsapp|facebook|twitter|linkedin|reddit|back to top|skip to (?:main )?content|loading\.*|continue reading|you may also like|also read|tags?|topics?|next article|previous article|listen(?: to this article)?)[.:!]?$/i;

/** Copyright and rights lines, investment and trust disclaimers: boilerplate at any length. */
const LEGAL = /(?:©|^\(c\) ?\d{4}|^copyright\b|all rights reserved|does not provide investment advice|\bthe trust project (?:criteria|indicators)\b|^conforms to\b|\bwe use cookies\b|\baccept (?:all )?cookies\b)/i;

/** Legal link labels; boilerplate only on short lines or lines without sentence punctuation. */
const LEGAL_LINK = /\b(?:cookie (?:policy|settings|preferences|notice)|privacy (?:policy|notice|settings)|terms (?:of (?:use|service)|and conditions|& conditions))\b/i;

/** Link-style promos: "Now Read: …", "Read more: …", "Watch: …". */
const LINK_PROMO = /^(?:now read|read (?:more|next|also)|also read|see also|watch|listen|related|more|click here|download|sign up|subscribe)\s*[:|»›>-]/i;

/** Disclosures about how the content was produced or sponsored. */
const DISCLOSURE = /\b(?:produced|generated|written|created) (?:partially |partly |in part )?(?:with the help of|with the assistance of|using|by) (?:ai|artificial intelligence)\b|\bpartially produced with the help of\b|\bthis (?:article|story|content|post) (?:was|is|has been) (?:sponsored|paid for)\b|\baffiliate (?:link|commission)s?\b/i;

/** Marketing and trading promos. */
const PROMO = /^(?:trade|invest|get|join|try|start|unlock|download|subscribe|sign up|upgrade|claim)\b[^.]{0,80}\b(?:insights|alerts|free|newsletter|premium|trial|app|subscription|offer|access|ratings)\b/i;

/** Photo credits: "Photo: Shutterstock", "Image credit: …", "(Susan Walsh/AP)". */
const PHOTO_CREDIT = /^(?:photo|photos|image|images|picture|pictures|photograph|credit|photo credit|image credit|source|file photo|illustration|video)(?: by| credit| courtesy(?: of)?)?\s*[:|-]/i;
const CREDIT_PARENS = /\((?:[^()]{0,60}(?:\/|\bvia\b)\s*[^()]{0,40}|(?:ap|afp|reuters|getty(?: images)?|epa|shutterstock|file|pa|xinhua|tass|anadolu)(?: photo)?)\)\s*\.?$/i;
const CREDIT_AGENCY = /\b(?:ap|afp|reuters|getty(?: images)?|epa|shutterstock|alamy|pa wire|pa images|xinhua|tass|anadolu|istock|bloomberg|unsplash)(?: photo| images)?\s*\)?\s*\.?$/i;

/** Bylines: "By Bruce", "By Chris Muhizi for MCN …", "Written by …", "Reporting by …". */
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Rr]eported by|[Ss]tory by|[Ww]ords by|[Ee]dited by|[Cc]ompiled by|[Aa]dditional reporting by)\s+(?!(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|The|Then|Now|Contrast|Comparison|Law|Far|Default|Design|Noon|Midnight|Early|Late|Mid|Next|Last|This|That)\b)[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3}(?:\s*(?:,|;|and|&|for|at|\||-|—|–)\s*[^.]{0,80})?\.?$/u;

/** Lines that are only a date or time ("Mon. Jul 8th, 2024", "Jun 11, 2023", "2024-05-16 10:00"). */
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?';
const DATE_LINE = new RegExp(
  `^[•·|\\-–—\\s]*(?:(?:updated|published|posted)\\s*:?\\s*)?(?:${WEEKDAY}\\.?,?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})(?:\\s*(?:,|at|-|\\|)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,4})?)?\\.?$`,
  'i',
);

/**
 * A run of navigation links without any sentence punctuation, e.g. a footer menu. Global, but only
 * ever used through String.match, which starts from 0 and leaves lastIndex at 0: no state between calls.
 */
const FOOTER_WORDS = /\b(?:policy|faq|help|contact us|about us|terms|advertise|careers|sitemap|newsletters?)\b/gi;

/**
 * True when `sentence` is page boilerplate rather than reporting: cookie,
 * privacy or terms lines, copyright lines, "Now Read:" links, photo credits
 * and captions ending in a credit, bylines, date-only lines, share/comment
 * widgets, AI and sponsorship disclosures, and marketing promos.
 */
export function isBoilerplate(sentence: string): boolean {
  const s = sentence.trim();
  if (s.length === 0) return true;
  if (s.length > MAX_LENGTH) return false;
  if (WIDGET_LINE.test(s)) return true;
  if (LEGAL.test(s) || DISCLOSURE.test(s)) return true;
  if (LEGAL_LINK.test(s) && (s.length < 80 || !/[.!?]/.test(s))) return true;
  if (LINK_PROMO.test(s) || PROMO.test(s)) return true;
  if (PHOTO_CREDIT.test(s) || CREDIT_PARENS.test(s)) return true;
  if (BYLINE.test(s) || DATE_LINE.test(s)) return true;
  if (isCaptionCredit(s) || isFooterMenu(s)) return true;
  return false;
}

/** A caption line without a full stop that ends in a photo agency ("Drones on display Iranian Army via AP"). */
function isCaptionCredit(s: string): boolean {
  return !/[.!?]["”’]?$/.test(s) && s.length < 160 && CREDIT_AGENCY.test(s) && /(?:\/|\bvia\b|\(|photo)/i.test(s);
}

/** A footer menu: several link words and no sentence punctuation. */
function isFooterMenu(s: string): boolean {
  if (/[.!?,;]/.test(s)) return false;
  const hits = s.match(FOOTER_WORDS);
  return hits !== null && hits.length >= 2;
}
