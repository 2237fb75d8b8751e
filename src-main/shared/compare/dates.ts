// Finds date mentions in English text: "December 27", "27 December 2020", "early November", "in 2003", "on Monday".

export type DateMentionKind = 'day' | 'month' | 'year' | 'weekday' | 'relative';

export interface DateMention {
  kind: DateMentionKind;
  start: number;
  end: number;
  text: string;
  year?: number;
  /** 1–12. */
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
  weekday?: number;
  /** 'early' | 'mid' | 'late' for "early November". */
  part?: string;
  /** For weekdays and "yesterday": which way from the publication date ("next Monday" is forward). */
  direction?: 'past' | 'future';
  /** For "yesterday"/"today"/"tomorrow": days from the publication date. */
  offsetDays?: number;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const MONTH_NAME =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const YEAR = '((?:18|19|20)\\d\\d)';

// Most specific first: a span claimed by an earlier pattern is not matched again by a later one.
// Each pattern has a cheap gate: most sentences name no date, and six regular expressions per sentence add up.
const HAS_DIGIT = /\d/;
const ANY_DATE = /\d|day\b|omorrow|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const HAS_MONTH = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;
const HAS_DAY = /day\b|omorrow/;
const PATTERNS: { kind: DateMentionKind; gate: RegExp; re: RegExp }[] = [
  {
    kind: 'day',
    gate: HAS_MONTH,
    re: new RegExp(`\\b${MONTH_NAME} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? ${YEAR}\\b)?`, 'g'),
  },
  {
    kind: 'day',
    gate: HAS_MONTH,
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${MONTH_NAME}(?: ${YEAR}\\b)?`, 'g'),
  },
  {
    kind: 'month',
    gate: HAS_MONTH,
    re: new RegExp(`\\b(?:(early|mid|late)[- ])?${MONTH_NAME}(?:,? ${YEAR}\\b)?`, 'gi'),
  },
  { kind: 'year', gate: HAS_DIGIT, re: new RegExp(`\\b${YEAR}\\b(?![,.]\\d)(?! [a-z]+s\\b)`, 'g') },
  {
    kind: 'weekday',
    gate: HAS_DAY,
    re: /\b(?:(last|next|this) )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
  },
  { kind: 'relative', gate: HAS_DAY, re: /\b(yesterday|today|tomorrow)\b/gi },
];

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  const index = MONTHS.findIndex((m) => m.startsWith(key));
  return index >= 0 ? index + 1 : undefined;
}

function mentionFrom(kind: DateMentionKind, m: RegExpMatchArray): DateMention | null {
  const start = m.index ?? 0;
  const base = { kind, start, end: start + m[0].length, text: m[0] };
  switch (kind) {
    case 'day': {
      const monthFirst = Number.isNaN(Number(m[1]));
      const month = monthNumber(monthFirst ? m[1]! : m[2]!);
      const day = Number(monthFirst ? m[2] : m[1]);
      if (!month || day < 1 || day > 31) return null;
      return { ...base, month, day, ...(m[3] ? { year: Number(m[3]) } : {}) };
    }
    case 'month': {
      const name = m[2]!;
      // "may"/"march" are common words: only the capitalised month name counts.
      if (name.charAt(0) !== name.charAt(0).toUpperCase()) return null;
      if (/^May$/.test(name) && !m[1] && !m[3]) return null;
      const month = monthNumber(name);
      if (!month) return null;
      return {
        ...base,
        month,
        ...(m[1] ? { part: m[1].toLowerCase() } : {}),
        ...(m[3] ? { year: Number(m[3]) } : {}),
      };
    }
    case 'year':
      return { ...base, year: Number(m[1]) };
    case 'weekday':
      return {
        ...base,
        weekday: WEEKDAYS.indexOf(m[2]!.toLowerCase()),
        direction: m[1] === 'next' ? 'future' : 'past',
      };
    case 'relative': {
      const word = m[1]!.toLowerCase();
      const offsetDays = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      return { ...base, offsetDays };
    }
  }
}

/** Date mentions in text order; overlapping matches keep the most specific one. */
export function findDateMentions(text: string): DateMention[] {
  if (!ANY_DATE.test(text)) return [];
  const found: DateMention[] = [];
  const taken = (s: number, e: number) => found.some((d) => s < d.end && d.start < e);
  for (const { kind, gate, re } of PATTERNS) {
    if (!gate.test(text)) continue;
    for (const m of text.matchAll(re)) {
      const mention = mentionFrom(kind, m);
      if (mention && !taken(mention.start, mention.end)) found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A key that is equal for two mentions naming the same date the same way ("Dec. 27" and "December 27"). */
export function dateKey(d: DateMention): string {
  return [
    d.kind,
    d.year ?? '',
    d.month ?? '',
    d.day ?? '',
    d.weekday ?? '',
    d.part ?? '',
    d.offsetDays ?? '',
  ].join(':');
}
