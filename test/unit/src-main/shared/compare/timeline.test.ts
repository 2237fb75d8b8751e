// Dates of the events statements report, across the seed and the second outlet.
import { describe, expect, it } from 'vitest';
import { buildTimeline, eventDate } from '../../../../../src-main/shared/compare/timeline';
import { secondColumn, seedColumn, seedGold, statementText, statementWith } from './fixtures';

// Both reports were published on Tuesday 22 December 2020 (the seed says the rebels were repelled "as of
// Tuesday morning").
const PUBLISHED = '2020-12-22';
const DAY = 86_400_000;
const seedStatement = (words: string) => seedGold.find((s) => s.text.includes(words))!.text;

describe('eventDate', () => {
  it('resolves "on Monday" to the Monday before publication', () => {
    const found = eventDate(seedGold[0]!.text, PUBLISHED)!;
    expect(found.precision).toBe('day');
    expect(found.text).toBe('Monday');
    const date = Date.parse(`${found.date}T00:00:00Z`);
    expect(new Date(date).getUTCDay()).toBe(1);
    const daysBefore = (Date.parse(`${PUBLISHED}T00:00:00Z`) - date) / DAY;
    expect(daysBefore).toBeGreaterThanOrEqual(0);
    expect(daysBefore).toBeLessThan(7);
  });

  it('resolves a weekday equal to the publication day to that day', () => {
    expect(eventDate(seedStatement('As of Tuesday morning'), PUBLISHED)?.date).toBe(PUBLISHED);
  });

  it('reads a day of the month, taking the year from the publication date', () => {
    const found = eventDate(seedStatement('December 27 national elections'), PUBLISHED)!;
    expect(found).toEqual({ date: '2020-12-27', precision: 'day', text: 'December 27' });
    // Published in early January, "December 27" is the December just past.
    expect(eventDate('The vote on December 27 was calm.', '2021-01-03')?.date).toBe('2020-12-27');
  });

  it('reads a month and a year', () => {
    expect(eventDate(seedStatement('In early November'), PUBLISHED)).toEqual({
      date: '2020-11',
      precision: 'month',
      text: 'early November',
    });
    const year = eventDate(seedStatement('took power in'), PUBLISHED)!;
    expect(year.precision).toBe('year');
    expect(seedStatement('took power in')).toContain(`in ${year.date}`);
    expect(eventDate('The report was published in March 2019.')).toMatchObject({
      date: '2019-03',
      precision: 'month',
    });
  });

  it('prefers the most precise date of a statement', () => {
    expect(eventDate('In 2020 the rebels attacked Bangui on December 19.', PUBLISHED)?.date).toBe(
      '2020-12-19',
    );
  });

  it('returns null without a date, or when a weekday cannot be placed without a publication date', () => {
    expect(eventDate(seedStatement('degree of Russian involvement'), PUBLISHED)).toBeNull();
    expect(eventDate(seedGold[0]!.text)).toBeNull();
    expect(eventDate('“Our people are there,” he said. May they stay?', PUBLISHED)).toBeNull();
  });
});

describe('buildTimeline', () => {
  it('orders the dated statements of both articles by event date', () => {
    const timeline = buildTimeline([
      { ...seedColumn, publishedAt: PUBLISHED },
      { ...secondColumn, publishedAt: PUBLISHED },
    ]);
    const dates = timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(timeline.map((e) => e.articleId))).toEqual(new Set(['seed', 'second']));
    // The two reports disagree on the announcement day: both dates are on the timeline.
    const announcements = timeline.filter((e) => e.statementId.endsWith('-0'));
    expect(announcements.map((e) => e.text).sort()).toEqual(['Monday', 'Sunday']);
    const election = statementWith(secondColumn, 'second term');
    expect(timeline.find((e) => e.statementId === election)?.date).toBe(
      `2020-12-${statementText(secondColumn, election).match(/December (\d+)/)![1]}`,
    );
  });
});
