// Dates the event a statement reports ("on Monday", "December 27", "in 2003", "early November"), resolving
// weekdays and missing years against the article's publication date, for the timeline of compared articles.
import { findDateMentions, type DateMention } from './dates';

export type DatePrecision = 'day' | 'month' | 'year';

export interface EventDate {
  /** ISO date, partial when less precise: '2020-12-21', '2020-11', '2003'. */
  date: string;
  precision: DatePrecision;
  /** The words the date was read from. */
  text: string;
}

const DAY_MS = 86_400_000;
const PRECISION_RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

function parsePublished(publishedAt: string | null | undefined): number | null {
  if (!publishedAt) return null;
  const t = Date.parse(publishedAt.length === 10 ? `${publishedAt}T00:00:00Z` : publishedAt);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS) * DAY_MS;
}

/** A month/day without a year: the year that puts it nearest the publication date (news reports recent events). */
function nearestYear(month: number, day: number, published: number): number {
  const year = new Date(published).getUTCFullYear();
  let best = year;
  for (const candidate of [year - 1, year, year + 1]) {
    const distance = Math.abs(Date.UTC(candidate, month - 1, day) - published);
    if (distance < Math.abs(Date.UTC(best, month - 1, day) - published)) best = candidate;
  }
  return best;
}

function resolve(mention: DateMention, published: number | null): EventDate | null {
  const text = mention.text;
  switch (mention.kind) {
    case 'year':
      return { date: String(mention.year), precision: 'year', text };
    case 'month': {
      const year =
        mention.year ?? (published === null ? undefined : nearestYear(mention.month!, 15, published));
      return year === undefined ? null : { date: `${year}-${pad(mention.month!)}`, precision: 'month', text };
    }
    case 'day': {
      const year =
        mention.year ??
        (published === null ? undefined : nearestYear(mention.month!, mention.day!, published));
      if (year === undefined) return null;
      return { date: `${year}-${pad(mention.month!)}-${pad(mention.day!)}`, precision: 'day', text };
    }
    case 'weekday': {
      if (published === null) return null;
      const today = new Date(published).getUTCDay();
      // News reports what happened: "on Monday" is the latest Monday on or before publication, unless "next".
      const back = (today - mention.weekday! + 7) % 7;
      const offset = mention.direction === 'future' ? (mention.weekday! - today + 7) % 7 || 7 : -back;
      return { date: isoDay(published + offset * DAY_MS), precision: 'day', text };
    }
    case 'relative':
      if (published === null) return null;
      return { date: isoDay(published + mention.offsetDays! * DAY_MS), precision: 'day', text };
  }
}

/**
 * The date of the event a statement reports: its most precise resolvable date mention, the first one on a tie.
 * Null when the statement names no date, or only dates that need a publication date that is not known.
 */
export function eventDate(statementText: string, publishedAt?: string | null): EventDate | null {
  const published = parsePublished(publishedAt);
  let best: EventDate | null = null;
  for (const mention of findDateMentions(statementText)) {
    const resolved = resolve(mention, published);
    if (resolved && (!best || PRECISION_RANK[resolved.precision] > PRECISION_RANK[best.precision]))
      best = resolved;
  }
  return best;
}

export interface TimelineEntry extends EventDate {
  articleId: string;
  statementId: string;
}

/** Statements of several articles ordered by the date of the event they report; undated ones are left out. */
export function buildTimeline(
  articles: {
    articleId: string;
    text: string;
    publishedAt?: string | null;
    statements: { id: string; start: number; end: number }[];
  }[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const article of articles) {
    for (const statement of article.statements) {
      const found = eventDate(article.text.slice(statement.start, statement.end), article.publishedAt);
      if (found) entries.push({ ...found, articleId: article.articleId, statementId: statement.id });
    }
  }
  // Partial dates sort at the start of their period ('2020-11' before '2020-11-03'), which string order gives.
  return entries.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
