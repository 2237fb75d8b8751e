// Reporting verbs ("said", "denied", "according to") and hedges ("reportedly") in all their forms.

/** [base, third person, past, -ing]; base and third-person forms that double as nouns are marked ambiguous. */
const VERBS: [string, string, string, string][] = [
  ['say', 'says', 'said', 'saying'],
  ['tell', 'tells', 'told', 'telling'],
  ['deny', 'denies', 'denied', 'denying'],
  ['insist', 'insists', 'insisted', 'insisting'],
  ['confirm', 'confirms', 'confirmed', 'confirming'],
  ['announce', 'announces', 'announced', 'announcing'],
  ['note', 'notes', 'noted', 'noting'],
  ['add', 'adds', 'added', 'adding'],
  ['assert', 'asserts', 'asserted', 'asserting'],
  ['claim', 'claims', 'claimed', 'claiming'],
  ['accuse', 'accuses', 'accused', 'accusing'],
  ['state', 'states', 'stated', 'stating'],
  ['report', 'reports', 'reported', 'reporting'],
  ['warn', 'warns', 'warned', 'warning'],
  ['argue', 'argues', 'argued', 'arguing'],
  ['allege', 'alleges', 'alleged', 'alleging'],
  ['explain', 'explains', 'explained', 'explaining'],
  ['declare', 'declares', 'declared', 'declaring'],
  ['stress', 'stresses', 'stressed', 'stressing'],
  ['emphasise', 'emphasises', 'emphasised', 'emphasising'],
  ['emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['admit', 'admits', 'admitted', 'admitting'],
  ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['suggest', 'suggests', 'suggested', 'suggesting'],
  ['write', 'writes', 'wrote', 'writing'],
  ['highlight', 'highlights', 'highlighted', 'highlighting'],
  ['indicate', 'indicates', 'indicated', 'indicating'],
  ['maintain', 'maintains', 'maintained', 'maintaining'],
  ['contend', 'contends', 'contended', 'contending'],
  ['dismiss', 'dismisses', 'dismissed', 'dismissing'],
  ['reject', 'rejects', 'rejected', 'rejecting'],
  ['predict', 'predicts', 'predicted', 'predicting'],
  ['vow', 'vows', 'vowed', 'vowing'],
  ['pledge', 'pledges', 'pledged', 'pledging'],
  ['threaten', 'threatens', 'threatened', 'threatening'],
  ['comment', 'comments', 'commented', 'commenting'],
  ['remark', 'remarks', 'remarked', 'remarking'],
  ['reveal', 'reveals', 'revealed', 'revealing'],
  ['disclose', 'discloses', 'disclosed', 'disclosing'],
  ['estimate', 'estimates', 'estimated', 'estimating'],
  ['reply', 'replies', 'replied', 'replying'],
  ['respond', 'responds', 'responded', 'responding'],
  ['tweet', 'tweets', 'tweeted', 'tweeting'],
  ['quote', 'quotes', 'quoted', 'quoting'],
];

/** Forms that are more often nouns ("reports of deployments", "the state news agency"). */
const NOUN_LIKE = new Set([
  'note',
  'notes',
  'claim',
  'claims',
  'state',
  'states',
  'report',
  'reports',
  'comment',
  'comments',
  'remark',
  'remarks',
  'estimate',
  'estimates',
  'reply',
  'replies',
  'tweet',
  'tweets',
  'quote',
  'quotes',
  'stress',
  'add',
  'warning',
  'writing',
  'reporting',
  'pledge',
  'pledges',
  'vow',
  'vows',
  'highlight',
  'highlights',
]);

export type CueForm = 'base' | 'third' | 'past' | 'ing';

const FORMS = new Map<string, CueForm>();
for (const [base, third, past, ing] of VERBS) {
  FORMS.set(base, 'base');
  FORMS.set(third, 'third');
  FORMS.set(past, 'past');
  FORMS.set(ing, 'ing');
}

/** The form of a reporting verb, or null. */
export function cueForm(lowerWord: string): CueForm | null {
  return FORMS.get(lowerWord) ?? null;
}

/** Whether a word reads as a reporting verb right after a subject (noun-like forms need an auxiliary). */
export function isCueAfterSubject(lowerWord: string, afterAuxiliary: boolean): boolean {
  const form = FORMS.get(lowerWord);
  if (!form) return false;
  if (form === 'ing') return false;
  return afterAuxiliary || !NOUN_LIKE.has(lowerWord);
}

export const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'did',
  'does',
  'do',
  'will',
  'would',
  'could',
  'can',
  'may',
  'might',
  'should',
  'must',
  'shall',
]);

/** Adverbs that sit between a subject and its verb ("Tass further noted", "explicitly denied"). */
export function isVerbModifier(lowerWord: string): boolean {
  return (
    (lowerWord.length > 4 && lowerWord.endsWith('ly') && lowerWord !== 'italy' && lowerWord !== 'july') ||
    MODIFIERS.has(lowerWord)
  );
}
const MODIFIERS = new Set([
  'further',
  'also',
  'later',
  'earlier',
  'again',
  'still',
  'not',
  'never',
  'then',
  'already',
  'too',
  'once',
  'now',
  'since',
  'even',
  'just',
  'previously',
  'subsequently',
  'today',
  'yesterday',
]);

export const HEDGE_ADVERBS = new Set([
  'reportedly',
  'allegedly',
  'purportedly',
  'supposedly',
  'ostensibly',
  'reputedly',
]);

/** "is said to", "were believed to", "is alleged that": passive reporting without a speaker. */
export const PASSIVE_HEDGE_VERBS = new Set([
  'said',
  'believed',
  'thought',
  'understood',
  'alleged',
  'rumoured',
  'rumored',
  'reported',
  'claimed',
  'suspected',
]);
