// The word lists of core, one constant each: function words, markers that change a claim
// (negation, hedging, qualifiers), source words (pronouns, person nouns, speech verbs) and
// words that look like names but are not (titles, dates). Words are lower case, as tokens'
// `norm` forms are.

/** Function words: never content, never a name when capitalised. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the and or but if of to in on at by for with from into onto as is are was were be been being am has have had ' +
    'do does did this that these those it its it\'s they them their there here he him his she her we us our you your i me my ' +
    'which who whom whose what when where while than then so such also too very can will would shall should must ' +
    'about after before over under between through during again further once out up down off own same other another ' +
    'each both few more most some any all nor only just s t don now ve ll re d m o its').split(/\s+/),
);

/** Directional opposites among function words ("up"/"down", "before"/"after"); other function-word antonyms (in/out, on/off) are mostly prepositions. */
export const OPPOSABLE_STOPWORDS: ReadonlySet<string> = new Set(['up', 'down', 'before', 'after', 'to', 'from']);

/** Function words of opposite direction that WordNet does not list as antonyms ("taken to hospital" / "released from hospital"). */
export const OPPOSITE_FUNCTION_WORDS: Readonly<Record<string, string>> = { to: 'from', from: 'to' };

/** Lemmas of a rise or a gain; any of them against one of FALL_LEMMAS is an opposite ("soar" / "slump"). */
export const RISE_LEMMAS: ReadonlySet<string> = new Set(['rise', 'soar', 'surge', 'jump', 'climb', 'gain', 'rally', 'rebound', 'increase', 'grow', 'boost', 'raise', 'spike', 'win', 'approve', 'pass', 'accept', 'open', 'release', 'free', 'return']);

/** Lemmas of a fall or a loss (see RISE_LEMMAS). */
export const FALL_LEMMAS: ReadonlySet<string> = new Set(['fall', 'slump', 'plunge', 'drop', 'tumble', 'sink', 'slide', 'decline', 'decrease', 'shrink', 'dip', 'slip', 'lose', 'reject', 'veto', 'close', 'jail', 'detain', 'vanish', 'disappear']);

/** Actors and roles ("the Senate" / "Congress", "legislators" / "president"): one swapped for another changes who acts. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(
  ('president senate house congress parliament legislature legislator lawmaker court judge jury governor mayor senator ' +
    'congressman congresswoman prosecutor police army military cabinet minister premier chancellor king queen voter union board committee').split(' '),
);

/** Role words that name the same body in other words ("Congress" / "lawmakers"): never a swapped actor. */
export const ROLE_GROUPS: Readonly<Record<string, string>> = {
  congress: 'legislature', lawmaker: 'legislature', legislator: 'legislature', legislature: 'legislature', parliament: 'legislature',
  congressman: 'legislature', congresswoman: 'legislature', army: 'military', military: 'military', police: 'police', prosecutor: 'prosecutor',
};

/** Words (or lemmas) that negate what follows them. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'deny', 'refuse', 'reject', 'fail', 'nowhere', 'hardly', 'barely']);

/** Verbs (lemmas) that say something is kept from happening: not markers themselves, but the same polarity as a negation on the other side ("vow to block bills" / "no bills"). */
export const BLOCKING_VERBS: ReadonlySet<string> = new Set(['block', 'prevent', 'stop', 'halt', 'bar', 'ban', 'withhold', 'decline', 'oppose']);

/** Stems that, followed by "nt", spell a negated auxiliary written without its apostrophe ("didnt", "wont", "cant"). */
export const NEGATED_AUXILIARY_STEMS: readonly string[] = ['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'wo', 'ca', 'could', 'would', 'should', 'must'];

/** Words (or lemmas) that hedge a claim: the speaker distances themselves from it. */
export const HEDGES: ReadonlySet<string> = new Set(['claim', 'allege', 'allegedly', 'reportedly', 'apparently', 'appear', 'seem', 'seemingly', 'may', 'might', 'could', 'possibly', 'probably', 'likely', 'unlikely', 'purportedly', 'purport', 'suggest', 'supposedly', 'perhaps', 'maybe', 'rumor', 'rumour', 'believe', 'suspect', 'presumably', 'ostensibly']);

/** Modal hedges: they say a thing may happen ("could lose"), which a stated chance of it already says. */
export const MODAL_HEDGES: ReadonlySet<string> = new Set(['may', 'might', 'could']);

/** Nouns that state how likely something is ("a 1-in-3 chance", "the odds"): a claim that carries one is hedged already. */
export const PROBABILITY_NOUNS: ReadonlySet<string> = new Set(['chance', 'chances', 'odds', 'probability', 'likelihood', 'possibility', 'risk', 'risks', 'prospect', 'prospects']);

/** Words that narrow or widen a claim's scope ("only", "nearly", "mainly"). */
export const QUALIFIERS: ReadonlySet<string> = new Set(['only', 'nearly', 'almost', 'approximately', 'roughly', 'advanced', 'primarily', 'mainly', 'mostly', 'largely', 'partly', 'partially', 'fully', 'entirely', 'completely', 'solely', 'exclusively', 'chiefly', 'significantly', 'slightly', 'sole', 'merely', 'allegedly-free']);

/** Source phrases that stand for whoever was named before ("he", "the spokesman"): they agree with any source. */
export const PRONOUN_SOURCES: ReadonlySet<string> = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'one', 'the speaker', 'the spokesman', 'the spokeswoman', 'the official']);

/** Head nouns of an unnamed person source ("a White House representative", "officials", "two people familiar with ..."). */
export const PERSON_HEADS = /^(?:officials?|representatives?|spokes(?:man|men|woman|women|person|people)|sources?|aides?|people|persons?|analysts?|experts?|diplomats?|officers?|insiders?|witnesses|witness|residents?|lawmakers?|legislators?|investigators?|members?|executives?|advis[eo]rs?|staffers?|employees?|observers?|someone|somebody)$/i;

/** Speech verbs of attribution ("said", "told", "according to" aside), as written. */
export const SPEECH_VERBS: readonly string[] = (
  'said|says|say|told|tells|stated|states|added|adds|declared|noted|notes|explained|announced|reported|reports|wrote|writes|' +
  'claimed|claims|alleged|insisted|warned|confirmed|acknowledged|argued|asserted|stressed|indicated'
).split('|');

/** Verbs besides the speech verbs that a hedge may replace ("showed" / "suggested", "is" / "appears"). */
export const REPORTING_VERBS: readonly string[] = ['show', 'shows', 'showed', 'find', 'found', 'finds', 'is', 'are', 'was', 'were'];

/** Words that never stand in a source phrase: a phrase holding one is a clause, not a source ("it has been said"). */
export const NON_SOURCE_WORDS: readonly string[] = ['has', 'have', 'had', 'is', 'was', 'were', 'will', 'would', 'also', 'only', 'so', 'far', 'then', 'this', 'that', 'there', 'which', 'who', 'not', 'but'];

/** First words of a phrase that is no name though capitalised ("Plus Obama", "But Reid"): a speaker phrase starting so is a misreading. */
export const NON_NAME_STARTS: ReadonlySet<string> = new Set(
  'plus but and so then also still yet now meanwhile however instead even here there when while if after before as in on at for with from by of to'.split(' '),
);

/** Last words of a capitalised phrase that names a place, an event or a show, never a speaker ("George Washington Bridge", "... Action Conference"). */
export const NON_SPEAKER_HEADS: ReadonlySet<string> = new Set(
  ('bridge tunnel street avenue road highway airport station square park building river lake island mountain county ' +
    'conference convention summit rally debate hearing speech show program programme week day act bill amendment law control').split(' '),
);

/** Titles and honorifics: capitalised, but not names ("Mr", "Senator", "President"). */
export const TITLES: ReadonlySet<string> = new Set(
  ('mr mrs ms miss mx dr prof sir dame lord lady sen senator rep representative gov governor gen general col colonel lt capt captain sgt ' +
    'adm admiral president vice prime minister secretary chairman chairwoman chair chief ceo judge justice king queen prince princess pope rev ' +
    'reverend mayor ambassador commissioner director spokesman spokeswoman').split(' '),
);

/** Weekday and month names, possessives and abbreviations included: dates, compared only with dates. */
export const DATE_WORDS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s|’s)?$|^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:'s|’s)?$/;

/** Words that make a clause conditional (if, unless): a cut dropping one changes what is claimed. */
export const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'except', 'whether']);

/** Words by which a speaker frames a claim as their own view ("I am afraid that", "I think", "we fear"). */
export const STANCE_WORDS: ReadonlySet<string> = new Set(['afraid', 'think', 'fear', 'feel', 'guess', 'suppose', 'sense', 'imagine', 'worry', 'worried', 'concerned']);
