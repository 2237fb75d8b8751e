// The statement splitter against the golden rules, the seed gold offsets, and news-copy traps.
import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../../../src-main/shared/analysis/index';
import { goldenRules, seedGold, seedText } from './fixtures';

const texts = (text: string): string[] => splitStatements(text).map((s) => text.slice(s.start, s.end));

describe('splitStatements', () => {
  it('gets at least 46 of the 48 golden rules exactly right', () => {
    const failed = goldenRules.filter(
      (rule) => JSON.stringify(texts(rule.text)) !== JSON.stringify(rule.sentences),
    );
    expect(goldenRules).toHaveLength(48);
    expect(failed.map((rule) => `#${rule.id} ${rule.rule}`).length).toBeLessThanOrEqual(2);
  });

  it('keeps a first initial after a lower-case word with its name (“said J. Gerald Hebert”)', () => {
    expect(texts('The map was drawn by J. Gerald Hebert in May. It was thrown out.')).toEqual([
      'The map was drawn by J. Gerald Hebert in May.',
      'It was thrown out.',
    ]);
    expect(texts('“The courts are changing,” J. Gerald Hebert said.')).toHaveLength(1);
    // A lone capital at the end of a sentence still ends it.
    expect(texts('Ruth sat next to the letter J. Voters did not.')).toHaveLength(2);
    expect(texts('It was you and I. Did Ruth Okafor agree?')).toHaveLength(2);
  });

  it('cuts the seed article into exactly the gold statements, offsets included', () => {
    const spans = splitStatements(seedText);
    expect(spans.map((s) => [s.start, s.end])).toEqual(seedGold.map((g) => [g.start, g.end]));
    for (const g of seedGold) expect(seedText.slice(g.start, g.end)).toBe(g.text);
  });

  it('keeps a sentence together across PDF line breaks and splits at the blank line', () => {
    const text =
      'The U.N.\nmission said on Monday that\nthe situation is calm. Rebels\nwithdrew.\n\nA new paragraph.';
    expect(texts(text)).toEqual([
      'The U.N.\nmission said on Monday that\nthe situation is calm.',
      'Rebels\nwithdrew.',
      'A new paragraph.',
    ]);
  });

  it('starts a new statement at a blank line however it is written, not at a single line break', () => {
    // A blank line holding spaces or tabs, Windows line ends, a Unicode paragraph separator; no full stops.
    const text =
      'Rebels withdrew\n \t\nThe vote is on Sunday\u2029Observers arrived\r\n\r\nCalm returned\nin the capital';
    expect(texts(text)).toEqual([
      'Rebels withdrew',
      'The vote is on Sunday',
      'Observers arrived',
      'Calm returned\nin the capital',
    ]);
  });

  it('does not end a sentence after titles, ranks and numbered references', () => {
    const text =
      'Lt. Col. Ivanov met Dr. Amina at 5 p.m. near gate No. 5 of the U.N. compound. Gen. Ali said 2.5 m. was enough.';
    expect(texts(text)).toEqual([
      'Lt. Col. Ivanov met Dr. Amina at 5 p.m. near gate No. 5 of the U.N. compound.',
      'Gen. Ali said 2.5 m. was enough.',
    ]);
  });

  it('splits a multi-sentence quotation into its sentences but keeps “…,” he said whole', () => {
    const text = '“We will stay. We will not leave,” he said. “Never.”';
    expect(texts(text)).toEqual(['“We will stay.', 'We will not leave,” he said.', '“Never.”']);
  });

  it('makes each bulleted line its own statement', () => {
    const text = 'Key points:\n• Troops arrived on Monday\n• The vote is on Sunday';
    expect(texts(text)).toEqual(['Key points:', '• Troops arrived on Monday', '• The vote is on Sunday']);
  });
});

describe('splitStatements on patterns bare Intl.Segmenter handles', () => {
  it('keeps spaced repeated marks with the sentence they close', () => {
    expect(texts('Nobody came ! ! Then the rain started. Was it over? ? Yes.')).toEqual([
      'Nobody came ! !',
      'Then the rain started.',
      'Was it over? ?',
      'Yes.',
    ]);
  });

  it('ends a sentence after an abbreviation followed by "??"', () => {
    expect(texts('Did the money go to Vantor Ltd.?? The audit does not say.')).toEqual([
      'Did the money go to Vantor Ltd.??',
      'The audit does not say.',
    ]);
  });

  it('keeps the exclamation mark of a brand name inside the sentence', () => {
    expect(texts('Yum! Brands owns the chain. It reported losses. Sales at Yahoo! Sports grew!')).toEqual([
      'Yum! Brands owns the chain.',
      'It reported losses.',
      'Sales at Yahoo! Sports grew!',
    ]);
    // An interjection still ends its sentence.
    expect(texts('Wow! Turnout doubled.')).toEqual(['Wow!', 'Turnout doubled.']);
  });

  it('keeps a run of initials together', () => {
    expect(texts('A poem by T. S. Eliot was read. Then the vote began.')).toEqual([
      'A poem by T. S. Eliot was read.',
      'Then the vote began.',
    ]);
  });

  it('ends a sentence at a trailing ellipsis before a capital, not at an omission', () => {
    expect(texts('The line kept growing... Police opened a second gate.')).toEqual([
      'The line kept growing...',
      'Police opened a second gate.',
    ]);
    expect(texts('“We asked … Congress to act,” she said.')).toEqual([
      '“We asked … Congress to act,” she said.',
    ]);
  });
});
