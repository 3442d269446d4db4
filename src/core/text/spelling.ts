// British → American spelling folding, so that spelling variants compare as equal
// (defence/defense, travelled/traveled, centre/center). Used by the tokenizer's
// comparison form (./normalize) and by the lexicon's word cleaning.

/** Whole words whose British spelling no rule below covers. */
const SPELLING_WORDS: Record<string, string> = {
  programme: 'program', programmes: 'programs', tyre: 'tire', tyres: 'tires', grey: 'gray', aluminium: 'aluminum',
  cheque: 'check', cheques: 'checks', plough: 'plow', manoeuvre: 'maneuver', manoeuvres: 'maneuvers',
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license',
  licences: 'licenses', pretence: 'pretense', practise: 'practice', practised: 'practiced', practising: 'practicing',
  jewellery: 'jewelry', enrol: 'enroll', enrolment: 'enrollment', fulfil: 'fulfill', fulfilment: 'fulfillment',
  skilful: 'skillful', wilful: 'willful', ageing: 'aging', judgement: 'judgment', acknowledgement: 'acknowledgment',
  mould: 'mold', smoulder: 'smolder', moustache: 'mustache', pyjamas: 'pajamas', sceptic: 'skeptic',
  sceptical: 'skeptical', scepticism: 'skepticism', draught: 'draft', catalogue: 'catalog', analogue: 'analog',
  dialogue: 'dialog', storey: 'story', kerb: 'curb', sulphur: 'sulfur', paediatric: 'pediatric', anaemia: 'anemia',
  haemorrhage: 'hemorrhage', oestrogen: 'estrogen', foetus: 'fetus', leukaemia: 'leukemia', encyclopaedia: 'encyclopedia',
  diarrhoea: 'diarrhea', orthopaedic: 'orthopedic', anaesthetic: 'anesthetic', archaeology: 'archeology',
  gaol: 'jail', learnt: 'learned', spelt: 'spelled', burnt: 'burned', dreamt: 'dreamed', whilst: 'while',
};

const RE_WORDS = ['centre', 'theatre', 'metre', 'litre', 'fibre', 'calibre', 'sombre', 'spectre', 'lustre', 'meagre', 'sabre', 'kilometre', 'centimetre', 'millimetre', 'lacklustre'];
const LL_VERBS = ['travel', 'cancel', 'label', 'model', 'fuel', 'signal', 'channel', 'counsel', 'level', 'marshal', 'total', 'dial', 'equal', 'quarrel', 'rival', 'tunnel', 'jewel', 'panel', 'pencil', 'shovel', 'marvel', 'duel', 'funnel', 'grovel', 'libel', 'swivel', 'towel', 'refuel', 'unravel', 'initial', 'pedal', 'worship', 'spiral', 'snorkel', 'barrel'];
const OUR_EXCEPTIONS = new Set(['four', 'hour', 'your', 'our', 'pour', 'tour', 'flour', 'sour', 'devour', 'contour', 'troubadour', 'amour', 'detour', 'velour', 'dour', 'scour', 'glamour', 'paramour']);
const ISE_EXCEPTIONS = new Set(['advise', 'arise', 'rise', 'wise', 'otherwise', 'likewise', 'clockwise', 'exercise', 'compromise', 'surprise', 'comprise', 'supervise', 'televise', 'revise', 'devise', 'despise', 'disguise', 'enterprise', 'franchise', 'merchandise', 'premise', 'promise', 'raise', 'praise', 'noise', 'poise', 'precise', 'concise', 'expertise', 'cruise', 'bruise', 'chemise', 'treatise', 'paradise', 'vise', 'improvise', 'incise', 'circumcise', 'excise', 'demise', 'reprise', 'mortise', 'anise', 'apprise', 'braise', 'chastise', 'guise', 'porpoise', 'tortoise', 'turquoise', 'valise', 'mise', 'appraise', 'upraise', 'sunrise', 'moonrise', 'elise', 'louise', 'denise', 'lise']);

/** -re words and their inflections → -er (centre→center, centres→centers, centred→centered). */
const RE_MAP = buildReMap(RE_WORDS);
/** Doubled-l inflections → single l (travelled→traveled, cancelling→canceling, marvellous→marvelous). */
const LL_MAP = buildLlMap(LL_VERBS);

/** Maps each -re word, its plural and its past tense to the -er spelling. */
function buildReMap(words: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const w of words) {
    const us = w.slice(0, -2) + 'er';
    map.set(w, us);
    map.set(w + 's', us + 's');
    map.set(w.slice(0, -1) + 'ed', us + 'ed');
  }
  return map;
}

/** Maps each verb's doubled-l forms (-lled, -lling, -ller, -llers) to the single-l ones. */
function buildLlMap(verbs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const v of verbs) {
    for (const suf of ['ed', 'ing', 'er', 'ers']) map.set(v + v.slice(-1) + suf, v + suf);
  }
  map.set('marvellous', 'marvelous');
  return map;
}

/** Most words the spelling memo keeps; a fuller memo is emptied and refilled. */
const SPELLING_MEMO_LIMIT = 200_000;

/**
 * Memo of `foldSpelling`, keyed by the word as given and by its lower case. Harmless to share
 * across runs in one process: the fold is a pure function of the word, and the table is bounded.
 */
const spellingMemo = new Map<string, string>();

/**
 * Folds a lower-case word's British spelling to the American one
 * (defence→defense, publicise→publicize, colour→color, travelled→traveled,
 * programme→program, centre→center, analyse→analyze). Other words unchanged.
 */
export function foldSpelling(word: string): string {
  // memoised under the word as given (callers mostly pass lower case already), so a hit skips toLowerCase
  const cached = spellingMemo.get(word);
  if (cached !== undefined) return cached;
  const w = word.toLowerCase();
  const folded = spellingMemo.get(w) ?? foldLowerCaseSpelling(w);
  if (spellingMemo.size > SPELLING_MEMO_LIMIT) spellingMemo.clear();
  spellingMemo.set(word, folded);
  if (w !== word) spellingMemo.set(w, folded);
  return folded;
}

/** The American spelling of a lower-case word (no memo): word list, -re, -ll-, -yse, -ise and -our rules. */
function foldLowerCaseSpelling(w: string): string {
  if (Object.prototype.hasOwnProperty.call(SPELLING_WORDS, w)) return SPELLING_WORDS[w];
  const re = RE_MAP.get(w) ?? LL_MAP.get(w);
  if (re) return re;
  let m = /^(.*(?:ana|para|cata|dia|electro)l)ys(e|es|ed|ing|er|ers)$/.exec(w);
  if (m) return `${m[1]}yz${m[2]}`;
  m = /^([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(w);
  if (m && !ISE_EXCEPTIONS.has(m[1] + 'ise') && !/(?:ais|ois|uis)$/.test(m[1] + 'is')) return `${m[1]}iz${m[2]}`;
  m = /^([a-z]+)our(s|ed|ing|ite|ites|ful|able|er|ers|less|ism)?$/.exec(w);
  if (m && !OUR_EXCEPTIONS.has(m[1] + 'our') && m[1].length >= 2) return `${m[1]}or${m[2] ?? ''}`;
  return w;
}

/** True when two words differ only as British/American spelling variants. */
export function isSpellingVariant(a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la !== lb && foldSpelling(la) === foldSpelling(lb);
}
