// Word lists the sentence splitter consults to tell an abbreviation's period from a sentence end.

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Titles that always precede a name, so their period never ends a sentence ("Mr. Smith", "Lt. Col. Ivanov"). */
export const PREPOSITIVE_TITLES = words(`
  Mr Mrs Ms Mssrs Messrs Mme Mlle Dr Prof Gen Lt Col Maj Capt Cpt Sgt Cpl Pvt Adm Cmdr Cdr Brig Rev Fr Sen Rep
  Gov Pres Hon Amb Supt Insp Det St Mt Ft Sra Sr Rt Msgr Atty Lieut Sec Pt`);

/** Abbreviations whose period never ends a sentence when a number follows ("No. 5", "p. 55", "Dec. 27"). */
export const NUMBER_PREFIXES = words(`
  no nos nr n° nº p pp art arts vol vols fig figs ch chap sec para op approx ca c tel ext jan feb mar apr jun jul
  aug sep sept oct nov dec est ed rev v vs cf pt rm ste apt bldg km mi`);

/** Abbreviations that never end a sentence, whatever follows. */
export const NEVER_FINAL = words('i.e e.g vs cf viz incl resp');

/** Clock abbreviations: they end a sentence before a capital unless the "sentence" would be a bare time phrase. */
export const CLOCK_ABBREVIATIONS = words('a.m p.m');

/**
 * Words that start sentences far more often than they continue a name. After an ambiguous multi-period
 * abbreviation ("the U.S. How about…" vs "the U.S. Government"), only these open a new sentence.
 * Seeded from pragmatic_segmenter's list of sentence starters.
 */
export const SENTENCE_STARTERS = words(`
  A Being Did For He How However I In It Millions More She That The There They We What When Where Who Why This
  These Those His Her Its Our Their But And Yet If Meanwhile Still After Before Although While You Some Many Most
  Is Are Was Were Do Does Can Will Would So Then`);

/** Prepositions that open a bare time phrase ("At 5 a.m. Mr. Smith went…" is one sentence). */
export const TIME_PHRASE_OPENERS = words('at by from until till after before around about since on');

/**
 * Names spelt with an exclamation mark (brands and titles whose "!" is part of the name: Yahoo! Japan,
 * Yum! Brands). After one of them the "!" ends a sentence only before a sentence starter. Kept to names
 * that are not also ordinary interjections ("Wow!", "OK!").
 */
export const NAMES_WITH_EXCLAMATION = words('Yahoo Jeopardy Yum Joomla');
