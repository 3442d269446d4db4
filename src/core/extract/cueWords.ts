// Word lists of attribution and speaker names: speech verbs and the words
// around them ("said", "also", "told reporters"), titles dropped in front of a
// name, words that mark an organisation, pronouns that refer back. Read-only.

/** Speech verbs that introduce or follow a quote. */
export const CUE_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'added', 'adds', 'stated', 'states', 'declared',
  'declares', 'explained', 'explains', 'noted', 'notes', 'wrote', 'writes', 'asked', 'asks', 'argued', 'argues',
  'claimed', 'claims', 'continued', 'continues', 'insisted', 'insists', 'warned', 'warns', 'announced',
  'acknowledged', 'acknowledges', 'recalled', 'recalls', 'replied', 'replies', 'responded', 'responds', 'remarked',
  'observed', 'concluded', 'tweeted', 'tweets', 'posted', 'testified', 'suggested', 'suggests', 'emphasized',
  'emphasised', 'stressed', 'confirmed', 'cautioned', 'complained', 'conceded', 'admitted', 'admits', 'countered',
  'contended', 'predicted', 'promised', 'urged', 'vowed', 'joked', 'quipped', 'shouted', 'yelled', 'pleaded',
  'repeated', 'reiterated', 'mused', 'boasted', 'charged', 'alleged', 'maintained', 'agreed', 'agrees', 'believes',
  'thinks', 'thought', 'described', 'called', 'calls', 'read', 'reads', 'according', 'announces', 'demanded',
  'proclaimed', 'answered', 'interjected', 'echoed', 'conceded', 'lamented', 'blasted', 'slammed', 'pointed', 'put',
]);

/** Adverbs and auxiliaries that may sit between a subject and its cue verb. */
export const CUE_FILLERS: ReadonlySet<string> = new Set([
  'also', 'further', 'later', 'then', 'again', 'once', 'recently', 'earlier', 'previously', 'reportedly',
  'allegedly', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'had', 'simply', 'just', 'has', 'repeatedly',
  'often', 'frequently', 'publicly', 'privately', 'flatly', 'bluntly', 'angrily', 'quickly', 'famously', 'once',
  'subsequently', 'finally', 'who', 'and', 'but', 'even', 'only', 'still', 'never', 'had', 'did', 'does', 'may',
  'might', 'could', 'should', 'can', 'not', 'now', 'himself', 'herself', 'themselves', 'itself',
]);

/** Lower-case words that end a speaker phrase placed after its verb ("said John Kirby in a statement"). */
export const STOP_AFTER_SPEAKER: ReadonlySet<string> = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'to', 'about', 'that', 'who', 'when', 'while', 'as', 'and', 'but',
  'last', 'this', 'earlier', 'later', 'recently', 'yesterday', 'today', 'tonight', 'on', 'via', 'with', 'from',
  'told', 'adding', 'referring', 'according', 'because', 'since', 'if', 'although', 'where', 'which',
]);

/** Words that open an anonymous-source noun phrase. */
export const DETERMINERS = /^(?:a|an|the|another|one|two|three|four|several|some|many|most|other|senior|top|his|her|their|its|our)$/i;

/** Objects that form part of a "told …" cue. */
export const TOLD_OBJECTS = /^(?:reporters|journalists|the|a|an|[A-Z])/;

/** Words of a time phrase that may follow a subject ("Kirby on Monday said", "Feinstein last week said"). */
export const TIME_WORDS = /^(?:on|last|this|next|earlier|later|early|late|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Words that open an introductory phrase ending at a comma ("In 1999, …", "Asked about it, …"). */
export const INTRO_OPENERS = /^(?:in|on|at|during|after|before|since|while|when|as|later|earlier|last|at|for|with|asked|across|like|unlike|despite|although|though|if|because|given|amid|among|under|by|following|according|to|once|until|without)$/i;

/** Verbs that attribute a quoted phrase embedded in a sentence (Trump called the plan “a disgrace”). */
export const PARTIAL_CUES: ReadonlySet<string> = new Set([
  'called', 'calls', 'call', 'calling', 'described', 'describes', 'describing', 'labeled', 'labelled', 'labeling',
  'dubbed', 'dubbing', 'branded', 'branding', 'termed', 'referred', 'referring', 'saying', 'telling', 'warning',
  'arguing', 'insisting', 'declaring', 'promising', 'vowing', 'adding', 'noting', 'writing', 'tweeting',
  'accused', 'accusing', 'accuses', 'praised', 'praising', 'criticized', 'criticizing', 'blamed', 'blaming',
  'pledged', 'pledging', 'denounced', 'denouncing', 'dismissed', 'dismissing', 'mocked', 'mocking', 'touted',
  'touting', 'decried', 'decrying', 'characterized', 'characterizing', 'predicting', 'suggesting', 'claiming',
  'urging', 'asking', 'announcing', 'complaining', 'condemned', 'condemning', 'chanted', 'chanting', 'hailed',
  'hailing', 'lambasted', 'attacked', 'attacking', 'derided', 'deriding', 'ridiculed', 'deemed', 'deeming',
]);

/** Honorifics and titles dropped in front of a name. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'president', 'vice', 'pres', 'gen', 'general',
  'col', 'colonel', 'lt', 'lieutenant', 'sgt', 'sergeant', 'capt', 'captain', 'adm', 'admiral', 'maj', 'major',
  'judge', 'justice', 'mayor', 'secretary', 'minister', 'prime', 'chancellor', 'ambassador', 'spokesman',
  'spokeswoman', 'spokesperson', 'chairman', 'chairwoman', 'chair', 'director', 'chief', 'speaker', 'leader',
  'king', 'queen', 'prince', 'princess', 'pope', 'father', 'sister', 'brother', 'attorney', 'commissioner',
  'sheriff', 'officer', 'detective', 'coach', 'candidate', 'nominee', 'adviser', 'advisor', 'deputy', 'assistant',
  'former', 'acting', 'chief', 'sens', 'reps', 'jr', 'sr', 'st', 'saint', 'the', 'a', 'an', 'democratic',
  'republican', 'gop', 'democrat', 'us', 'u.s', 'u.s.', 'u.n', 'u.k', 'uk', 'un', 'eu', 'nato', 'white', 'house',
  'national', 'security', 'council', 'state', 'department', 'foreign', 'defense', 'defence', 'homeland',
  'federal', 'senate', 'congressional', 'congressman', 'congresswoman', 'majority', 'minority', 'whip', 'press',
  'communications', 'campaign', 'executive', 'officer', 'ceo', 'cfo', 'coo', 'founder', 'analyst', 'economist',
  'strategist', 'pollster', 'manager', 'consultant', 'aide', 'staff', 'kremlin', 'pentagon', 'russian', 'iranian',
  'american', 'british', 'french', 'german', 'chinese', 'israeli', 'ukrainian', 'mexican', 'canadian', 'australian',
  'texas', 'florida', 'california', 'ohio', 'new', 'york', 'sen.', 'gov.', 'rep.', 'mr.', 'mrs.', 'ms.', 'dr.',
]);

/** Words that mark a capitalised run as an organisation or place, never a person. */
export const NON_PERSON: ReadonlySet<string> = new Set([
  'house', 'council', 'department', 'ministry', 'agency', 'army', 'navy', 'force', 'forces', 'news', 'times', 'post',
  'press', 'journal', 'tribune', 'herald', 'reuters', 'states', 'kingdom', 'union', 'nations', 'republic', 'party',
  'committee', 'court', 'congress', 'senate', 'assembly', 'parliament', 'administration', 'office', 'institute',
  'university', 'college', 'school', 'foundation', 'association', 'company', 'corp', 'inc', 'group', 'bank',
  'street', 'avenue', 'city', 'county', 'island', 'islands', 'sea', 'ocean', 'river', 'zone', 'center', 'centre',
  'network', 'channel', 'magazine', 'daily', 'weekly', 'korea', 'africa', 'america', 'arabia', 'york', 'jersey',
  'angeles', 'francisco', 'diego', 'vegas', 'kong', 'zealand', 'carolina', 'dakota', 'virginia', 'hampshire',
  'mexico', 'east', 'west', 'north', 'south', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'day', 'war', 'act', 'bill', 'program', 'project', 'summit', 'games', 'cup', 'league',
  'airport', 'station', 'hospital', 'church', 'police', 'fbi', 'cia', 'nsa', 'ap', 'afp', 'cnn', 'bbc', 'nbc',
  'abc', 'cbs', 'fox', 'msnbc', 'npr', 'times', 'guard', 'corps', 'command', 'fund', 'board', 'commission',
  'economic', 'special', 'capital', 'media', 'tv', 'radio', 'online', 'google', 'facebook', 'twitter', 'trust',
  'criteria', 'policy', 'privacy', 'terms', 'conditions', 'security', 'democrats', 'republicans', 'americans',
  'street', 'wall', 'hill', 'club', 'team', 'brand', 'faq', 'help', 'contact', 'us', 'read', 'photo', 'reports',
  'conference', 'convention', 'building', 'bridge', 'tower', 'base', 'plaza', 'square', 'control',
  'prevention', 'examiner', 'caucus', 'coalition', 'campaign', 'organization', 'society', 'service', 'services',
]);

/** Pronouns and role nouns that refer back to the most recent person named. */
export const ANAPHORS: ReadonlySet<string> = new Set([
  'he', 'she', 'him', 'her', 'the speaker', 'the spokesman', 'the spokeswoman', 'the spokesperson', 'the official',
  'the president', 'the senator', 'the governor', 'the minister', 'the secretary', 'the adviser', 'the advisor',
  'the candidate', 'the congressman', 'the congresswoman', 'the mayor', 'the former', 'the ambassador',
]);

/** Words that are never part of a person's name even when capitalised (sentence-initial words etc.). */
export const NAME_STOPWORDS: ReadonlySet<string> = new Set([
  'i', 'we', 'they', 'it', 'he', 'she', 'you', 'but', 'and', 'or', 'if', 'when', 'while', 'as', 'in', 'on', 'at',
  'for', 'of', 'to', 'by', 'with', 'from', 'this', 'that', 'these', 'those', 'there', 'here', 'what', 'why', 'how',
  'who', 'his', 'her', 'their', 'our', 'its', 'my', 'your', 'after', 'before', 'since', 'according', 'asked',
  'said', 'says', 'meanwhile', 'however', 'still', 'yet', 'so', 'then', 'now', 'also', 'some', 'many', 'most',
  'all', 'both', 'no', 'not', 'yes', 'one', 'two', 'other', 'another', 'each', 'every', 'even', 'just', 'only',
  'though', 'although', 'unlike', 'like', 'despite', 'plus', 'indeed', 'instead', 'perhaps', 'maybe',
  'neither', 'nor', 'either', 'whether', 'certainly', 'is', 'was', 'are', 'were', 'did', 'does', 'do', 'has',
  'have', 'had', 'where', 'which', 'whose', 'whom', 'because', 'unless', 'until', 'during', 'through', 'without',
  'among', 'any', 'such', 'never', 'always', 'already', 'needless',
]);
