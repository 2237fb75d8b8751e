// Word-class look-ups from the compromise NLP library's lexicon (first names, surnames, places, demonyms,
// role nouns, past tenses). Running compromise's full tagger costs ~280× bare sentence segmentation, so the
// analysis consults only its lexicon, word by word, which is a constant-time table look-up.
import nlp from 'compromise';

type Lexicon = Record<string, string | string[] | undefined>;

const lexicon: Lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;

/** The lexicon's tags for a word (lower-cased), as one comma-joined string ('' when unknown). */
export function lexiconTags(lowerWord: string): string {
  const tags = Object.prototype.hasOwnProperty.call(lexicon, lowerWord) ? lexicon[lowerWord] : undefined;
  if (tags === undefined) return '';
  return typeof tags === 'string' ? tags : tags.join(',');
}

export function isFirstName(lowerWord: string): boolean {
  return /(?:^|,)(?:FirstName|MaleName|FemaleName)(?:,|$)/.test(lexiconTags(lowerWord));
}

export function isLastName(lowerWord: string): boolean {
  return /(?:^|,)LastName(?:,|$)/.test(lexiconTags(lowerWord));
}

export function isPlaceWord(lowerWord: string): boolean {
  return /(?:^|,)(?:Country|City|Place|Region)(?:,|$)/.test(lexiconTags(lowerWord));
}

export function isDemonym(lowerWord: string): boolean {
  return /(?:^|,)Demonym(?:,|$)/.test(lexiconTags(lowerWord));
}

/** Role nouns: "spokesperson", "minister", "president". */
export function isRoleNoun(lowerWord: string): boolean {
  return /(?:^|,)Actor(?:,|$)/.test(lexiconTags(lowerWord));
}

export function isFiniteVerb(lowerWord: string): boolean {
  return /(?:^|,)(?:PastTense|PresentTense|Copula|Modal)(?:,|$)/.test(lexiconTags(lowerWord));
}

/** Closed-class and common words that are capitalised only because they open a sentence. */
export function isFunctionWord(lowerWord: string): boolean {
  return /(?:^|,)(?:Determiner|Preposition|Conjunction|Pronoun|Adverb|QuestionWord|Adjective|Gerund)(?:,|$)/.test(
    lexiconTags(lowerWord),
  );
}
