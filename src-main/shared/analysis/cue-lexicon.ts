// The attribution cue lexicon: verbs that attribute content to a source, each with its kind. PolNeAR-style
// (PARC) attribution covers more than speech, so analysts can tell a statement from a belief or a stance:
// - speech: the source said or wrote it ("said", "told", "wrote", "asked", "recalled");
// - denial: the source rejected it ("denied", "dismissed", "refused");
// - belief: the source holds it true or fears it ("believes", "thinks", "fears", "hopes");
// - intention: the source means to do it ("plans", "wants", "vowed", "promised");
// - endorsement: the source backs or opposes it ("backs", "supports", "is urging", "has called for");
// - finding: a study, poll or inquiry shows it ("found", "shows", "concluded").

export type CueKind = 'speech' | 'denial' | 'belief' | 'intention' | 'endorsement' | 'finding';

/** Cue kinds by which a subject speaks for itself; other kinds give way to a named source ("according to"). */
export const SPEAKING_KINDS: readonly CueKind[] = ['speech', 'denial'];

/** Whether a cue as written says or denies ("said", "denied"), rather than a stance, plan or finding. */
export function isSpeakingCue(cue: string): boolean {
  const kind = cueKind(cue);
  return kind !== null && SPEAKING_KINDS.includes(kind);
}

/** [kind, base, third person, past, -ing] */
export const CUE_VERBS: [CueKind, string, string, string, string][] = [
  ['speech', 'say', 'says', 'said', 'saying'],
  ['speech', 'tell', 'tells', 'told', 'telling'],
  ['speech', 'insist', 'insists', 'insisted', 'insisting'],
  ['speech', 'confirm', 'confirms', 'confirmed', 'confirming'],
  ['speech', 'announce', 'announces', 'announced', 'announcing'],
  ['speech', 'note', 'notes', 'noted', 'noting'],
  ['speech', 'add', 'adds', 'added', 'adding'],
  ['speech', 'assert', 'asserts', 'asserted', 'asserting'],
  ['speech', 'claim', 'claims', 'claimed', 'claiming'],
  ['speech', 'accuse', 'accuses', 'accused', 'accusing'],
  ['speech', 'state', 'states', 'stated', 'stating'],
  ['speech', 'report', 'reports', 'reported', 'reporting'],
  ['speech', 'warn', 'warns', 'warned', 'warning'],
  ['speech', 'argue', 'argues', 'argued', 'arguing'],
  ['speech', 'allege', 'alleges', 'alleged', 'alleging'],
  ['speech', 'explain', 'explains', 'explained', 'explaining'],
  ['speech', 'declare', 'declares', 'declared', 'declaring'],
  ['speech', 'stress', 'stresses', 'stressed', 'stressing'],
  ['speech', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  ['speech', 'emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  ['speech', 'reiterate', 'reiterates', 'reiterated', 'reiterating'],
  ['speech', 'admit', 'admits', 'admitted', 'admitting'],
  ['speech', 'acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  ['speech', 'suggest', 'suggests', 'suggested', 'suggesting'],
  ['speech', 'write', 'writes', 'wrote', 'writing'],
  ['speech', 'highlight', 'highlights', 'highlighted', 'highlighting'],
  ['speech', 'indicate', 'indicates', 'indicated', 'indicating'],
  ['speech', 'maintain', 'maintains', 'maintained', 'maintaining'],
  ['speech', 'contend', 'contends', 'contended', 'contending'],
  ['speech', 'predict', 'predicts', 'predicted', 'predicting'],
  ['speech', 'threaten', 'threatens', 'threatened', 'threatening'],
  ['speech', 'comment', 'comments', 'commented', 'commenting'],
  ['speech', 'remark', 'remarks', 'remarked', 'remarking'],
  ['speech', 'reveal', 'reveals', 'revealed', 'revealing'],
  ['speech', 'disclose', 'discloses', 'disclosed', 'disclosing'],
  ['speech', 'estimate', 'estimates', 'estimated', 'estimating'],
  ['speech', 'reply', 'replies', 'replied', 'replying'],
  ['speech', 'respond', 'responds', 'responded', 'responding'],
  ['speech', 'tweet', 'tweets', 'tweeted', 'tweeting'],
  ['speech', 'quote', 'quotes', 'quoted', 'quoting'],
  ['speech', 'ask', 'asks', 'asked', 'asking'],
  ['speech', 'recall', 'recalls', 'recalled', 'recalling'],
  ['speech', 'joke', 'jokes', 'joked', 'joking'],
  ['speech', 'describe', 'describes', 'described', 'describing'],
  ['speech', 'cite', 'cites', 'cited', 'citing'],
  ['speech', 'complain', 'complains', 'complained', 'complaining'],
  ['speech', 'criticise', 'criticises', 'criticised', 'criticising'],
  ['speech', 'criticize', 'criticizes', 'criticized', 'criticizing'],
  ['speech', 'charge', 'charges', 'charged', 'charging'],
  ['speech', 'lament', 'laments', 'lamented', 'lamenting'],
  ['speech', 'assure', 'assures', 'assured', 'assuring'],
  ['speech', 'remind', 'reminds', 'reminded', 'reminding'],
  ['speech', 'question', 'questions', 'questioned', 'questioning'],
  ['speech', 'conclude', 'concludes', 'concluded', 'concluding'],
  ['speech', 'boast', 'boasts', 'boasted', 'boasting'],
  ['speech', 'concede', 'concedes', 'conceded', 'conceding'],
  ['speech', 'blame', 'blames', 'blamed', 'blaming'],
  ['speech', 'testify', 'testifies', 'testified', 'testifying'],
  ['speech', 'mention', 'mentions', 'mentioned', 'mentioning'],
  ['speech', 'repeat', 'repeats', 'repeated', 'repeating'],
  // "called the statement “offensive”", "calling Trump a fascist": naming someone something is a claim.
  ['speech', 'call', 'calls', 'called', 'calling'],
  ['speech', 'express', 'expresses', 'expressed', 'expressing'],
  ['speech', 'voice', 'voices', 'voiced', 'voicing'],
  ['speech', 'speak', 'speaks', 'spoke', 'speaking'],
  ['speech', 'talk', 'talks', 'talked', 'talking'],
  ['speech', 'discuss', 'discusses', 'discussed', 'discussing'],
  ['speech', 'echo', 'echoes', 'echoed', 'echoing'],
  ['speech', 'post', 'posts', 'posted', 'posting'],
  ['speech', 'label', 'labels', 'labelled', 'labelling'],
  ['speech', 'dub', 'dubs', 'dubbed', 'dubbing'],
  ['speech', 'brand', 'brands', 'branded', 'branding'],
  ['speech', 'caution', 'cautions', 'cautioned', 'cautioning'],
  ['speech', 'demand', 'demands', 'demanded', 'demanding'],
  ['speech', 'vent', 'vents', 'vented', 'venting'],
  ['speech', 'muse', 'muses', 'mused', 'musing'],
  ['speech', 'interject', 'interjects', 'interjected', 'interjecting'],
  ['speech', 'signal', 'signals', 'signaled', 'signaling'],
  ['speech', 'signal', 'signals', 'signalled', 'signalling'],
  ['speech', 'counter', 'counters', 'countered', 'countering'],
  ['speech', 'speculate', 'speculates', 'speculated', 'speculating'],
  ['speech', 'liken', 'likens', 'likened', 'likening'],
  ['speech', 'articulate', 'articulates', 'articulated', 'articulating'],
  ['speech', 'apologise', 'apologises', 'apologised', 'apologising'],
  ['speech', 'apologize', 'apologizes', 'apologized', 'apologizing'],
  ['speech', 'protest', 'protests', 'protested', 'protesting'],
  ['speech', 'bemoan', 'bemoans', 'bemoaned', 'bemoaning'],
  ['speech', 'thank', 'thanks', 'thanked', 'thanking'],
  ['speech', 'portray', 'portrays', 'portrayed', 'portraying'],
  ['speech', 'depict', 'depicts', 'depicted', 'depicting'],
  ['speech', 'characterize', 'characterizes', 'characterized', 'characterizing'],
  ['speech', 'characterise', 'characterises', 'characterised', 'characterising'],
  ['speech', 'label', 'labels', 'labeled', 'labeling'],
  ['speech', 'observe', 'observes', 'observed', 'observing'],
  ['speech', 'recount', 'recounts', 'recounted', 'recounting'],
  ['speech', 'remember', 'remembers', 'remembered', 'remembering'],
  ['speech', 'confess', 'confesses', 'confessed', 'confessing'],
  ['speech', 'wonder', 'wonders', 'wondered', 'wondering'],
  ['speech', 'hint', 'hints', 'hinted', 'hinting'],
  ['speech', 'quip', 'quips', 'quipped', 'quipping'],
  ['speech', 'retort', 'retorts', 'retorted', 'retorting'],
  ['speech', 'exclaim', 'exclaims', 'exclaimed', 'exclaiming'],
  ['speech', 'brag', 'brags', 'bragged', 'bragging'],
  ['speech', 'scoff', 'scoffs', 'scoffed', 'scoffing'],
  ['speech', 'affirm', 'affirms', 'affirmed', 'affirming'],
  ['speech', 'reaffirm', 'reaffirms', 'reaffirmed', 'reaffirming'],
  ['speech', 'clarify', 'clarifies', 'clarified', 'clarifying'],
  ['speech', 'advise', 'advises', 'advised', 'advising'],
  ['speech', 'inform', 'informs', 'informed', 'informing'],
  ['speech', 'plead', 'pleads', 'pleaded', 'pleading'],
  ['speech', 'reference', 'references', 'referenced', 'referencing'],
  // "ordered the agency to release", "the judge ordered that": a directive.
  ['speech', 'order', 'orders', 'ordered', 'ordering'],
  ['denial', 'deny', 'denies', 'denied', 'denying'],
  ['denial', 'dismiss', 'dismisses', 'dismissed', 'dismissing'],
  ['denial', 'reject', 'rejects', 'rejected', 'rejecting'],
  ['denial', 'refuse', 'refuses', 'refused', 'refusing'],
  ['denial', 'dispute', 'disputes', 'disputed', 'disputing'],
  ['denial', 'decline', 'declines', 'declined', 'declining'],
  ['belief', 'believe', 'believes', 'believed', 'believing'],
  ['belief', 'think', 'thinks', 'thought', 'thinking'],
  ['belief', 'fear', 'fears', 'feared', 'fearing'],
  ['belief', 'hope', 'hopes', 'hoped', 'hoping'],
  ['belief', 'worry', 'worries', 'worried', 'worrying'],
  ['belief', 'doubt', 'doubts', 'doubted', 'doubting'],
  ['belief', 'expect', 'expects', 'expected', 'expecting'],
  ['belief', 'feel', 'feels', 'felt', 'feeling'],
  ['belief', 'know', 'knows', 'knew', 'knowing'],
  ['belief', 'agree', 'agrees', 'agreed', 'agreeing'],
  ['belief', 'consider', 'considers', 'considered', 'considering'],
  ['belief', 'suspect', 'suspects', 'suspected', 'suspecting'],
  ['belief', 'imagine', 'imagines', 'imagined', 'imagining'],
  ['belief', 'assume', 'assumes', 'assumed', 'assuming'],
  ['belief', 'recognize', 'recognizes', 'recognized', 'recognizing'],
  ['belief', 'recognise', 'recognises', 'recognised', 'recognising'],
  ['belief', 'realize', 'realizes', 'realized', 'realizing'],
  ['belief', 'realise', 'realises', 'realised', 'realising'],
  ['intention', 'plan', 'plans', 'planned', 'planning'],
  ['intention', 'want', 'wants', 'wanted', 'wanting'],
  ['intention', 'vow', 'vows', 'vowed', 'vowing'],
  ['intention', 'pledge', 'pledges', 'pledged', 'pledging'],
  ['intention', 'promise', 'promises', 'promised', 'promising'],
  ['intention', 'intend', 'intends', 'intended', 'intending'],
  ['intention', 'seek', 'seeks', 'sought', 'seeking'],
  ['intention', 'propose', 'proposes', 'proposed', 'proposing'],
  ['intention', 'prefer', 'prefers', 'preferred', 'preferring'],
  ['intention', 'decide', 'decides', 'decided', 'deciding'],
  ['endorsement', 'back', 'backs', 'backed', 'backing'],
  ['endorsement', 'support', 'supports', 'supported', 'supporting'],
  ['endorsement', 'endorse', 'endorses', 'endorsed', 'endorsing'],
  ['endorsement', 'oppose', 'opposes', 'opposed', 'opposing'],
  ['endorsement', 'urge', 'urges', 'urged', 'urging'],
  ['endorsement', 'praise', 'praises', 'praised', 'praising'],
  ['endorsement', 'defend', 'defends', 'defended', 'defending'],
  ['endorsement', 'condemn', 'condemns', 'condemned', 'condemning'],
  ['endorsement', 'denounce', 'denounces', 'denounced', 'denouncing'],
  ['endorsement', 'applaud', 'applauds', 'applauded', 'applauding'],
  ['endorsement', 'welcome', 'welcomes', 'welcomed', 'welcoming'],
  ['endorsement', 'encourage', 'encourages', 'encouraged', 'encouraging'],
  ['endorsement', 'favour', 'favours', 'favoured', 'favouring'],
  ['endorsement', 'favor', 'favors', 'favored', 'favoring'],
  ['endorsement', 'vote', 'votes', 'voted', 'voting'],
  ['endorsement', 'attack', 'attacks', 'attacked', 'attacking'],
  ['endorsement', 'blast', 'blasts', 'blasted', 'blasting'],
  ['endorsement', 'slam', 'slams', 'slammed', 'slamming'],
  ['endorsement', 'mock', 'mocks', 'mocked', 'mocking'],
  ['endorsement', 'ridicule', 'ridicules', 'ridiculed', 'ridiculing'],
  ['endorsement', 'decry', 'decries', 'decried', 'decrying'],
  ['endorsement', 'hail', 'hails', 'hailed', 'hailing'],
  ['endorsement', 'tout', 'touts', 'touted', 'touting'],
  ['endorsement', 'champion', 'champions', 'championed', 'championing'],
  ['endorsement', 'advocate', 'advocates', 'advocated', 'advocating'],
  ['endorsement', 'challenge', 'challenges', 'challenged', 'challenging'],
  ['endorsement', 'assail', 'assails', 'assailed', 'assailing'],
  ['endorsement', 'recommend', 'recommends', 'recommended', 'recommending'],
  ['endorsement', 'embrace', 'embraces', 'embraced', 'embracing'],
  ['finding', 'find', 'finds', 'found', 'finding'],
  ['finding', 'show', 'shows', 'showed', 'showing'],
];

/**
 * Multi-word cues whose first word alone is not a cue: "called for", "calls on", "pointed out", "made clear".
 * Keyed by the first word's forms; the value is the particle that must follow.
 */
export const PHRASAL_CUES: [CueKind, string[], string][] = [
  ['endorsement', ['call', 'calls', 'called', 'calling'], 'for'],
  ['endorsement', ['call', 'calls', 'called', 'calling'], 'on'],
  ['speech', ['point', 'points', 'pointed', 'pointing'], 'out'],
  ['speech', ['make', 'makes', 'made', 'making'], 'clear'],
  ['speech', ['put', 'puts'], 'it'],
  ['speech', ['refer', 'refers', 'referred', 'referring'], 'to'],
  ['speech', ['point', 'points', 'pointed', 'pointing'], 'to'],
  ['speech', ['weigh', 'weighs', 'weighed', 'weighing'], 'in'],
  ['speech', ['chime', 'chimes', 'chimed', 'chiming'], 'in'],
  ['speech', ['fire', 'fires', 'fired', 'firing'], 'back'],
  ['speech', ['hit', 'hits', 'hitting'], 'back'],
  ['speech', ['shoot', 'shoots', 'shot', 'shooting'], 'back'],
  ['speech', ['push', 'pushes', 'pushed', 'pushing'], 'back'],
  ['speech', ['sound', 'sounds', 'sounded', 'sounding'], 'off'],
  ['endorsement', ['lash', 'lashes', 'lashed', 'lashing'], 'out'],
  ['endorsement', ['push', 'pushes', 'pushed', 'pushing'], 'for'],
  ['endorsement', ['rail', 'rails', 'railed', 'railing'], 'against'],
  ['endorsement', ['side', 'sides', 'sided', 'siding'], 'with'],
  ['endorsement', ['stand', 'stands', 'stood', 'standing'], 'by'],
  // "laid out his plan", "opened up about her illness": speech.
  ['speech', ['lay', 'lays', 'laid', 'laying'], 'out'],
  ['speech', ['open', 'opens', 'opened', 'opening'], 'up'],
  // "is trying to win over", "was looking to end", "is looking for a deal", "aims to cut": intention.
  ['intention', ['try', 'tries', 'tried', 'trying'], 'to'],
  ['intention', ['look', 'looks', 'looked', 'looking'], 'to'],
  ['intention', ['look', 'looks', 'looked', 'looking'], 'for'],
  ['intention', ['aim', 'aims', 'aimed', 'aiming'], 'to'],
];

/**
 * Verbs that attribute only when they close a quotation or clause after a comma ("“…,” Trump continued.",
 * "“…,” continued Trump."): elsewhere they narrate ("talks continued for days").
 */
export const CLOSING_CUES = new Set(['continued', 'continues', 'offered', 'offers']);

/**
 * Verbs that attribute a view when "as" follows their object ("sees Cruz as a uniter", "cast the vote as a
 * betrayal", "paints his rival as weak"); without "as" they narrate ("saw the film", "cast a ballot").
 */
export const AS_CUES: [CueKind, string[]][] = [
  ['belief', ['see', 'sees', 'saw', 'seeing', 'view', 'views', 'viewed', 'viewing']],
  ['belief', ['regard', 'regards', 'regarded', 'regarding']],
  ['speech', ['cast', 'casts', 'casting', 'paint', 'paints', 'painted', 'painting']],
  ['speech', ['frame', 'frames', 'framed', 'framing', 'pitch', 'pitches', 'pitched', 'pitching']],
  // "named Cruz as a possible running mate", "identified the gunman as a local man".
  ['speech', ['name', 'names', 'named', 'naming', 'identify', 'identifies', 'identified', 'identifying']],
];

/**
 * A light verb attributes when a speech-act noun is its object: "made comments", "issued a statement",
 * "took a shot at", "gave a speech", "raised questions", "delivered a defense".
 */
const LIGHT_VERBS = new Set(
  (
    'make makes made making issue issues issued issuing release releases released releasing give gives gave ' +
    'given giving deliver delivers delivered delivering take takes took taking send sends sent sending sign ' +
    'signs signed signing raise raises raised raising offer offers offered offering lay lays laid laying ' +
    'put puts putting publish publishes published publishing pen pens penned penning fire fires fired firing ' +
    'file files filed filing share shares shared sharing use uses used using provide provides provided ' +
    'providing'
  ).split(' '),
);
const SPEECH_NOUNS = new Set(
  (
    'statement statements remarks comment comments speech speeches letter letters interview interviews case ' +
    'argument arguments claim claims shot shots swipe swipes jab jabs question questions concern concerns ' +
    'preview defense defence apology message warning warnings memo op-ed plea pitch appeal assessment ' +
    'prediction promise pledge vow rebuke critique criticism denial response explanation endorsement tweet ' +
    'tweets email emails rebuttal broadside answer answers testimony announcement proposal proposals plan ' +
    // "made it clear", "made no secret of", "made no mention of", "took aim at", "took issue with",
    // "filed a lawsuit", "issued a report", "shared her thoughts", "made the point".
    'clear secret mention aim issue point call calls charge charges report reports complaint complaints ' +
    'lawsuit suit petition request column story video ad ads congratulations condolences thoughts views ' +
    'advice reminder account details ideas list poll survey results transcript transcripts figures data ' +
    // "took to Twitter to say", "used his speech to call for".
    'twitter facebook airwaves podium'
  ).split(' '),
);
/** Words between a light verb and its speech noun: determiners, adjectives, adverbs (a few). */
const LIGHT_WINDOW = 4;

/** Whether `words[at]` is a light verb whose object, within a few words, is a speech-act noun. */
export function isLightCue(words: readonly { lower: string; isWord: boolean }[], at: number): boolean {
  if (!LIGHT_VERBS.has(words[at]?.lower ?? '')) return false;
  for (let p = at + 1; p < words.length && p - at <= LIGHT_WINDOW; p++) {
    const w = words[p] as { lower: string; isWord: boolean };
    if (!w.isWord && w.lower !== '-') return false;
    if (SPEECH_NOUNS.has(w.lower)) return true;
  }
  return false;
}

/**
 * Adjectives after "be" that state a stance or belief when a complement follows ("is convinced that",
 * "are worried about", "has been critical of", "is eager to").
 */
const STANCE_ADJECTIVES = new Set(
  (
    'worried concerned confident convinced certain sure optimistic pessimistic skeptical sceptical hopeful ' +
    'afraid adamant critical eager aware wary unhappy upset furious angry pleased happy determined ' +
    'supportive opposed quick ready willing unwilling reluctant proud grateful disappointed frustrated ' +
    'troubled alarmed outraged'
  ).split(' '),
);
const STANCE_COMPLEMENTS = new Set(['that', 'about', 'of', 'to', 'with']);

/** Whether `words[at]` is a stance adjective after "be" with its complement ("worried that"). */
export function isStanceCue(words: readonly { lower: string; isWord: boolean }[], at: number): boolean {
  if (!STANCE_ADJECTIVES.has(words[at]?.lower ?? '')) return false;
  return STANCE_COMPLEMENTS.has(words[at + 1]?.lower ?? '');
}

/** Forms more often read as nouns or adjectives ("reports of deployments", "the state news agency"). */
export const NOUN_LIKE_CUES = new Set(
  (
    'note notes claim claims state states report reports comment comments remark remarks estimate estimates ' +
    'reply replies tweet tweets quote quotes stress add warning writing reporting pledge pledges vow vows ' +
    'highlight highlights question questions charge charges fear fears hope hopes doubt doubts plan plans ' +
    'want back backs support promise promises finding findings show shows feeling thinking expected ' +
    'considered welcome favour favor dispute disputes decline declines suspect suspects concerned mention ' +
    'mentions joke jokes lament laments find boast boasts cite call calls talk talks voice voices post posts ' +
    'echo echoes label labels brand brands demand demands caution vote votes attack attacks champion champions ' +
    'advocate advocates challenge challenges speaking talking posting voting branding demanding challenging ' +
    'offer offers offering signal signals counter counters protest protests thanks articulate ' +
    'counter wonder wonders hint hints advise reference references order orders'
  ).split(' '),
);

/** "called for" → endorsement even though "called" alone is speech. */
const PHRASAL_KINDS = new Map<string, CueKind>();
for (const [kind, forms, particle] of PHRASAL_CUES)
  for (const form of forms) PHRASAL_KINDS.set(`${form} ${particle}`, kind);

const KINDS = new Map<string, CueKind>();
for (const [kind, ...forms] of CUE_VERBS) for (const form of forms) KINDS.set(form, kind);
for (const [kind, forms] of PHRASAL_CUES)
  for (const form of forms) if (!KINDS.has(form)) KINDS.set(form, kind);
for (const form of CLOSING_CUES) KINDS.set(form, 'speech');
const AS_FORMS = new Set<string>();
for (const [kind, forms] of AS_CUES)
  for (const form of forms) {
    AS_FORMS.add(form);
    if (!KINDS.has(form)) KINDS.set(form, kind);
  }

/** Words an "as" cue's object may hold before "as": a short noun phrase, no clause. */
const AS_WINDOW = 6;

/** Whether `words[at]` is an "as" cue ("sees") with "as" after its object, within a few words. */
export function isAsCue(words: readonly { lower: string; isWord: boolean }[], at: number): boolean {
  if (!AS_FORMS.has(words[at]?.lower ?? '')) return false;
  for (let p = at + 2; p < words.length && p - at <= AS_WINDOW; p++) {
    const w = words[p] as { lower: string; isWord: boolean };
    if (!w.isWord) return false;
    if (w.lower === 'as') return true;
  }
  return false;
}

/** Kinds of the cues seen so far, by the cue as written: the reading below splits and lower-cases. */
const kindOfCue = new Map<string, CueKind | null>();

/** The kind of a cue as written ("has called for" → endorsement, "according to" → speech), or null. */
export function cueKind(cue: string): CueKind | null {
  let kind = kindOfCue.get(cue);
  if (kind === undefined) {
    if (kindOfCue.size > 10_000) kindOfCue.clear();
    kind = readCueKind(cue);
    kindOfCue.set(cue, kind);
  }
  return kind;
}

function readCueKind(cue: string): CueKind | null {
  const words = cue.toLowerCase().split(/\s+/);
  if (words[0] === 'according') return 'speech';
  for (let i = 0; i + 1 < words.length; i++) {
    const phrasal = PHRASAL_KINDS.get(`${words[i]} ${words[i + 1]}`);
    if (phrasal) return phrasal;
  }
  for (const word of words) {
    const kind = KINDS.get(word);
    if (kind) return kind;
  }
  return null;
}
