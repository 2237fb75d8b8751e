// Authors from a web page's byline. Pages glue dates, times, read counts and "Updated" stamps to the names
// ("By Jane Roe April 28, 2019 at 6:01 am", "Jane RoeMay 3, 20195 min read"): those are stripped, the names
// are kept, and the cleaner never gives fewer name words than the byline it was given.
import { cleanTitle } from './normalize';

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** Short weekdays are also names ("Sun Yang"): a date only before a month or a number. */
const SHORT_WEEKDAY = `(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\\.?,?(?=\\s+(?:${MONTH}|\\d))`;
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const ZONE = '(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|PT)';
const STAMP = '(?:Updated|Published|Posted|Modified|Last updated|First published|Edited)';

/** A date, a time, a count or an update stamp: everything in a byline that is not a name. */
const NOT_A_NAME = new RegExp(
  [
    `\\b${STAMP}\\b:?(?:\\s+(?:on|at)\\b)?`,
    `\\b${WEEKDAY}\\b`,
    `\\b${SHORT_WEEKDAY}`,
    // "April 28, 2019", "28 April 2019", "Apr. 28", "May 2019"; a month alone is a name ("April Ryan")
    `\\b${DAY}\\s+${MONTH}(?:,?\\s+\\d{4})?`,
    `\\b${MONTH}\\s*${DAY}\\b(?:,?\\s+\\d{4})?`,
    `\\b${MONTH},?\\s+\\d{4}`,
    // 2019-04-28, 04/28/2019, 28.04.2019 (with an ISO time glued on)
    '\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
    '\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b',
    // 6:01 am, 6 p.m., 15:30 GMT
    `\\b\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)(?![\\p{L}])(?:\\s+${ZONE}\\b)?`,
    `\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s+${ZONE}\\b)?`,
    // "5 min read", "12 comments", "3h ago", "1,204 views"
    '(?<!\\p{L})\\d[\\d,.]*\\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|comments?|views?|shares?|words?|photos?|reads?)\\b(?:\\s+(?:read|ago))?',
    '\\b\\d{4}\\b',
    '\\bago\\b',
  ].join('|'),
  'giu',
);

/** Where a page glued a date or a count to the name before it: "Jane RoeApril 28", "Roe12 min read". */
const GLUE = new RegExp(`(\\p{Ll})(?=${MONTH}\\s*\\d|${WEEKDAY}|${STAMP}|\\d)`, 'gu');

const LEAD = /^(?:(?:written|reporting|words|posted|story|text)\s+)?by\b\s*:?\s*/i;
/** Separators between names; "&" and "and" only between two names of two words or more (not "Ernst & Young"). */
const SEPARATORS = /\s*(?:[,;|·•]|\s[–—-]\s|\bwith\b)\s*/i;
const JOINERS = /\s+(?:&|and)\s+/i;
/** Words that say who wrote it but are not names, left behind when a stamp is cut ("on", "at", "by"). */
const FILLER = /^(?:on|at|by|and|&|the|of|in|\W+)$/i;

/** Authors from a byline: "By Jane Roe and John Doe | April 28, 2019" → ["Jane Roe", "John Doe"]. */
export function authorsFromByline(byline: string | null | undefined): string[] {
  const line = cleanTitle(byline?.replace(/&amp;/g, '&'), 300);
  if (!line) return [];
  const stripped = line.replace(GLUE, '$1 ').replace(NOT_A_NAME, ' | ');
  const names: string[] = [];
  for (const raw of stripped.split(SEPARATORS)) {
    const part = tidy(raw);
    if (!part) continue;
    const halves = part.split(JOINERS).map(tidy);
    const splittable = halves.length > 1 && halves.every((h) => h.split(' ').length >= 2);
    names.push(...(splittable ? halves : [part]).filter(Boolean));
  }
  const kept = keepCommaNames(line, names);
  // Never less than the library gave: every name word of the byline must survive, else keep it whole.
  const keptWords = new Set(
    kept
      .join(' ')
      .toLowerCase()
      .split(/[^\p{L}]+/u),
  );
  const lost = nameWords(stripped).some((w) => !keptWords.has(w));
  return lost ? [tidy(line)].filter(Boolean) : [...new Set(kept)];
}

/** Trims a name: no leading "By", no separators or brackets at either end, single spaces. */
function tidy(raw: string): string {
  let part = raw.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== part;) {
    previous = part;
    part = part
      .replace(LEAD, '')
      .replace(/^[^\p{L}(]+|[^\p{L}.)]+$/u, '')
      .replace(/^(?:on|at|and|&)\s+|\s+(?:on|at|and|&)$/i, '')
      .trim();
  }
  if (!/\p{L}/u.test(part) || FILLER.test(part)) return '';
  return part;
}

/** "Smith, John" or "Staff, Reuters": two one-word parts split only by a comma are one name. */
function keepCommaNames(line: string, names: string[]): string[] {
  const withoutBy = tidy(line);
  if (names.length === 2 && !/\band\b|&/i.test(withoutBy) && names.every((p) => !p.includes(' '))) {
    if (withoutBy === `${names[0]}, ${names[1]}`) return [withoutBy];
  }
  return names;
}

/** The words of a byline (dates, times and counts already cut) that could belong to a name. */
function nameWords(stripped: string): string[] {
  return stripped
    .replace(LEAD, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(
      (w) =>
        w.length > 1 &&
        !FILLER.test(w) &&
        !/^(?:by|with|and|et|avec|und|y|written|reporting|words|posted|story|text)$/.test(w),
    );
}
