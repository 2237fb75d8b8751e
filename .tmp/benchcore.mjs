// .tmp/tokprof.ts
import { readFileSync } from "node:fs";

// src-main/shared/analysis/abbreviations.ts
var PREPOSITIVE_TITLES = /* @__PURE__ */ new Set([
  "Mr",
  "Mrs",
  "Ms",
  "Mssrs",
  "Messrs",
  "Mme",
  "Mlle",
  "Dr",
  "Prof",
  "Gen",
  "Lt",
  "Col",
  "Maj",
  "Capt",
  "Cpt",
  "Sgt",
  "Cpl",
  "Pvt",
  "Adm",
  "Cmdr",
  "Cdr",
  "Brig",
  "Rev",
  "Fr",
  "Sen",
  "Rep",
  "Gov",
  "Pres",
  "Hon",
  "Amb",
  "Supt",
  "Insp",
  "Det",
  "St",
  "Mt",
  "Ft",
  "Sra",
  "Sr",
  "Rt",
  "Msgr",
  "Atty",
  "Lieut",
  "Gov",
  "Sec",
  "Pt"
]);
var NUMBER_PREFIXES = /* @__PURE__ */ new Set([
  "no",
  "nos",
  "nr",
  "n\xB0",
  "n\xBA",
  "p",
  "pp",
  "art",
  "arts",
  "vol",
  "vols",
  "fig",
  "figs",
  "ch",
  "chap",
  "sec",
  "para",
  "op",
  "approx",
  "ca",
  "c",
  "tel",
  "ext",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "est",
  "ed",
  "rev",
  "v",
  "vs",
  "cf",
  "pt",
  "rm",
  "ste",
  "apt",
  "bldg",
  "km",
  "mi"
]);
var NEVER_FINAL = /* @__PURE__ */ new Set(["i.e", "e.g", "vs", "cf", "viz", "et al", "incl", "resp"]);
var CLOCK_ABBREVIATIONS = /* @__PURE__ */ new Set(["a.m", "p.m"]);
var SENTENCE_STARTERS = /* @__PURE__ */ new Set([
  "A",
  "Being",
  "Did",
  "For",
  "He",
  "How",
  "However",
  "I",
  "In",
  "It",
  "Millions",
  "More",
  "She",
  "That",
  "The",
  "There",
  "They",
  "We",
  "What",
  "When",
  "Where",
  "Who",
  "Why",
  "This",
  "These",
  "Those",
  "His",
  "Her",
  "Its",
  "Our",
  "Their",
  "But",
  "And",
  "Yet",
  "If",
  "Meanwhile",
  "Still",
  "After",
  "Before",
  "Although",
  "While",
  "You",
  "Some",
  "Many",
  "Most",
  "Is",
  "Are",
  "Was",
  "Were",
  "Do",
  "Does",
  "Can",
  "Will",
  "Would",
  "So",
  "Then"
]);
var TIME_PHRASE_OPENERS = /* @__PURE__ */ new Set(["at", "by", "from", "until", "till", "after", "before", "around", "about", "since", "on", "by"]);

// src-main/shared/analysis/lists.ts
var BULLETS = "\u2022\u2043\u25AA\u25E6\u2023\u25CF";
var BULLET_OR_LINE_ITEM = new RegExp(`[${BULLETS}]|\\n[^\\S\\n]*[-*\u2013][^\\S\\n]`, "g");
var LIST_HEAD = new RegExp(`^[${BULLETS}*\u2013-]?\\s*(\\d{1,3}|[a-zA-Z])(\\.\\)|\\)|\\.)\\s`);
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function successor(value) {
  if (/^\d+$/.test(value)) return String(Number(value) + 1);
  if (value === "z" || value === "Z") return null;
  return String.fromCharCode(value.charCodeAt(0) + 1);
}
function listCuts(text, from, to) {
  const paragraph = text.slice(from, to);
  const cuts = [];
  BULLET_OR_LINE_ITEM.lastIndex = 0;
  for (let m = BULLET_OR_LINE_ITEM.exec(paragraph); m; m = BULLET_OR_LINE_ITEM.exec(paragraph)) {
    if (m[0].startsWith("\n")) {
      cuts.push(from + m.index + m[0].length - 2);
    } else if (m.index > 0 && /\s/.test(paragraph.charAt(m.index - 1))) {
      cuts.push(from + m.index);
    }
  }
  const head = LIST_HEAD.exec(paragraph);
  if (head) {
    const punctuation = head[2];
    const isLetter = /[a-zA-Z]/.test(head[1]);
    let value = isLetter && !/^[aA]$/.test(head[1]) ? null : head[1];
    let position = head[0].length;
    while (value !== null) {
      const next = successor(value);
      if (next === null) break;
      const pattern = new RegExp(`\\s([${BULLETS}*\u2013-]?\\s*)${escapeRegExp(next)}${escapeRegExp(punctuation)}\\s`, "g");
      pattern.lastIndex = position;
      const found = pattern.exec(paragraph);
      if (!found) break;
      cuts.push(from + found.index + 1);
      position = found.index + found[0].length;
      value = next;
    }
  }
  cuts.sort((a, b) => a - b);
  return cuts.filter((cut, index) => cut > from && cut !== cuts[index - 1]);
}

// src-main/shared/analysis/split.ts
var CLOSERS = /* @__PURE__ */ new Set(["\u201D", '"', "'", "\u2019", ")", "]", "\xBB", "\u203A", "\u300D", "\u300F", "}"]);
var OPENERS = /* @__PURE__ */ new Set(["\u201C", '"', "'", "\u2018", "(", "[", "\xAB", "\u2039", "\u300C", "\u300E", "\xBF", "\xA1"]);
var CJK_TERMINALS = /* @__PURE__ */ new Set(["\u3002", "\uFF01", "\uFF1F", "\uFF61"]);
function isSpace(code) {
  return code === 32 || code >= 9 && code <= 13 || code === 160 || code === 8232 || code === 8233 || code === 12288 || code === 8239 || code >= 8192 && code <= 8202;
}
function isTerminal(ch) {
  switch (ch) {
    case ".":
    case "!":
    case "?":
    case "\u2026":
    case "\u203C":
    case "\u2047":
    case "\u2048":
    case "\u2049":
    case "\u3002":
    case "\uFF01":
    case "\uFF1F":
    case "\uFF61":
      return true;
    default:
      return false;
  }
}
var LOWER = /\p{Ll}/u;
var UPPER = /\p{Lu}/u;
function splitStatements(text) {
  const spans = [];
  const terminals = new TerminalCursor(text);
  const separator = /\n[^\S\n]*\n\s*|\u2029\s*/g;
  let paragraphStart = 0;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    splitParagraph(text, paragraphStart, m.index, spans, terminals);
    paragraphStart = m.index + m[0].length;
  }
  splitParagraph(text, paragraphStart, text.length, spans, terminals);
  return spans;
}
function pushTrimmed(text, start, end, spans) {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}
var TerminalCursor = class {
  constructor(text) {
    this.text = text;
  }
  text;
  pattern = /[.!?…‼⁇⁈⁉。！？｡]/g;
  found = -1;
  /** The first terminal at or after `from`, or text.length. */
  next(from) {
    if (this.found >= from) return this.found;
    this.pattern.lastIndex = from;
    const m = this.pattern.exec(this.text);
    this.found = m ? m.index : this.text.length;
    return this.found;
  }
};
function splitParagraph(text, from, to, spans, terminals) {
  const cuts = listCuts(text, from, to);
  let cutIndex = 0;
  let sentenceStart = from;
  let position = from;
  for (; ; ) {
    const i = Math.min(terminals.next(position), to);
    while (cutIndex < cuts.length && cuts[cutIndex] <= i) {
      const cut = cuts[cutIndex++];
      if (cut > sentenceStart) pushTrimmed(text, sentenceStart, cut, spans);
      sentenceStart = Math.max(sentenceStart, cut);
    }
    if (i >= to) break;
    const decision = decideAt(text, sentenceStart, i, to);
    if (decision.boundary) {
      pushTrimmed(text, sentenceStart, decision.end, spans);
      sentenceStart = decision.next;
      while (cutIndex < cuts.length && cuts[cutIndex] < decision.next) cutIndex++;
    }
    position = Math.max(i + 1, decision.resume);
  }
  pushTrimmed(text, sentenceStart, to, spans);
}
function decideAt(text, sentenceStart, i, to) {
  let j = i;
  let dots = 0;
  let strong = false;
  let spacedDots = 0;
  while (j < to) {
    const c = text[j];
    if (c === ".") dots++;
    else if (c === "\u2026") dots += 3;
    else if (isTerminal(c)) strong = true;
    else if (c === " " && text[j + 1] === "." && (j + 2 >= to || !/[\p{L}\p{N}]/u.test(text[j + 2]))) {
      spacedDots++;
      j++;
      dots++;
    } else break;
    j++;
  }
  const no = { boundary: false, end: j, next: j, resume: j };
  if (CJK_TERMINALS.has(text[i])) {
    let k2 = j;
    while (k2 < to && CLOSERS.has(text[k2])) k2++;
    return { boundary: true, end: k2, next: k2, resume: k2 };
  }
  if (!hasContent(text, sentenceStart, i)) return no;
  const attachedThenSpaced = dots === 4 && spacedDots === 3 && i > 0 && !isSpace(text.charCodeAt(i - 1));
  let k = j;
  while (k < to && CLOSERS.has(text[k])) k++;
  if (k < to && !isSpace(text.charCodeAt(k))) return { ...no, resume: Math.max(j, i + 1) };
  let m = k;
  while (m < to && isSpace(text.charCodeAt(m))) m++;
  if (m >= to) return { boundary: false, end: k, next: to, resume: to };
  const nextWord = wordAt(text, m, to);
  const nextFirst = nextWord.charAt(0);
  const nextOpensWithQuote = OPENERS.has(text[m]);
  if (LOWER.test(nextFirst)) return no;
  const boundary = { boundary: true, end: k, next: m, resume: m };
  if (attachedThenSpaced) {
    return { boundary: true, end: i + 1, next: i + 2, resume: i + 2 };
  }
  if (strong) return boundary;
  if (dots >= 4) return boundary;
  if (dots === 3) return k > j && text[i - 1] !== "[" && UPPER.test(nextFirst) ? boundary : no;
  const prev = wordBefore(text, sentenceStart, i);
  if (prev === "") return no;
  if (isListMarkerSentence(text, sentenceStart, i)) return no;
  const lower = prev.toLowerCase();
  if (NEVER_FINAL.has(lower)) return no;
  if (PREPOSITIVE_TITLES.has(prev)) return no;
  if (NUMBER_PREFIXES.has(lower) && /\d/.test(nextFirst || text[m])) return no;
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(prev)) {
    if (CLOCK_ABBREVIATIONS.has(lower)) return isBareTimePhrase(text, sentenceStart, i) ? no : boundary;
    return SENTENCE_STARTERS.has(nextWord) || nextOpensWithQuote ? boundary : no;
  }
  if (/^\p{Lu}$/u.test(prev)) {
    const before = wordBefore(text, sentenceStart, i - prev.length - 1);
    if (before === "") return no;
    if (LOWER.test(before.charAt(0))) return boundary;
    return SENTENCE_STARTERS.has(nextWord) ? boundary : no;
  }
  return boundary;
}
function hasContent(text, from, to) {
  for (let p = from; p < to; p++) {
    const c = text[p];
    if (!isSpace(c.charCodeAt(0)) && c !== "." && c !== "\u2026") return true;
  }
  return false;
}
function wordBefore(text, floor, end) {
  let p = end;
  const limit = Math.max(floor, end - 64);
  while (p > limit && !isSpace(text.charCodeAt(p - 1))) p--;
  let word = text.slice(p, end);
  while (word.length > 0 && OPENERS.has(word.charAt(0))) word = word.slice(1);
  return word;
}
function wordAt(text, from, to) {
  let p = from;
  while (p < to && OPENERS.has(text[p])) p++;
  const start = p;
  while (p < to && p - start < 40 && /[\p{L}\p{N}'’-]/u.test(text[p])) p++;
  return text.slice(start, p);
}
function isListMarkerSentence(text, sentenceStart, i) {
  if (i - sentenceStart > 8) return false;
  return /^\s*[•⁃▪◦‣●*–-]?\s*(?:\d{1,3}|[A-Za-z])$/.test(text.slice(sentenceStart, i));
}
function isBareTimePhrase(text, sentenceStart, i) {
  if (i - sentenceStart > 40) return false;
  const words = text.slice(sentenceStart, i).trim().split(/\s+/);
  return words.length <= 3 && TIME_PHRASE_OPENERS.has((words[0] ?? "").toLowerCase());
}

// src-main/shared/analysis/tokens.ts
var PUNCTUATION = /* @__PURE__ */ new Set([",", ";", ":", "(", ")", "\u201C", "\u201D", '"', "\xAB", "\xBB", "\u201E", "\u2014", "\u2013"]);
var OPENING = /* @__PURE__ */ new Set(["\u201C", "\xAB", "\u201E"]);
var CLOSING = /* @__PURE__ */ new Set(["\u201D", "\xBB"]);
var CLAUSE_END = /[,.!?…]/;
var LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57;
  return LETTER_OR_DIGIT.test(text.charAt(i));
}
function isJoiner(code) {
  return code === 39 || code === 45 || code === 46 || code === 8217;
}
var MAX_TOKENISED = 4e3;
function tokenise(statement, startsQuoted) {
  const tokens = [];
  let inQuote = startsQuoted;
  let quotesClause = false;
  let fullyQuoted = true;
  const lowerStatement = statement.length <= MAX_TOKENISED ? statement.toLowerCase() : "";
  const sameLengthLower = lowerStatement.length === statement.length;
  const scan = (from, to) => {
    let i = from;
    while (i < to) {
      if (isWordChar(statement, i)) {
        let j = i + 1;
        for (; ; ) {
          if (j < to && isWordChar(statement, j)) j++;
          else if (j + 1 < to && isJoiner(statement.charCodeAt(j)) && isWordChar(statement, j + 1)) j += 2;
          else break;
        }
        if (!inQuote) fullyQuoted = false;
        const text = statement.slice(i, j);
        const lower = sameLengthLower ? lowerStatement.slice(i, j) : text.toLowerCase();
        tokens.push({ text, lower, start: i, end: j, isWord: true, quoted: inQuote });
        i = j;
        continue;
      }
      const mark = statement.charAt(i);
      if (PUNCTUATION.has(mark)) {
        if (OPENING.has(mark) || mark === '"' && !inQuote) {
          inQuote = true;
        } else if (CLOSING.has(mark) || mark === '"' && inQuote) {
          if (inQuote && CLAUSE_END.test(statement.charAt(i - 1))) quotesClause = true;
          inQuote = false;
        }
        const quoted = inQuote && !OPENING.has(mark) && mark !== '"';
        tokens.push({ text: mark, lower: mark, start: i, end: i + 1, isWord: false, quoted });
      }
      i++;
    }
  };
  if (statement.length <= MAX_TOKENISED) {
    scan(0, statement.length);
  } else {
    scan(0, MAX_TOKENISED / 2);
    scan(statement.length - MAX_TOKENISED / 2, statement.length);
  }
  if (startsQuoted && (inQuote || tokens.some((t) => CLOSING.has(t.text) || t.text === '"'))) quotesClause = true;
  if (inQuote) quotesClause = true;
  return { tokens, startsQuoted, endsQuoted: inQuote, quotesClause, fullyQuoted: fullyQuoted && tokens.length > 0 };
}

// .tmp/tokprof.ts
var paragraphs = JSON.parse(readFileSync(".tmp/paras.json", "utf8"));
var seed = 42;
var random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
var articles = [];
var size = 0;
while (size < 1e6) {
  const a = Array.from({ length: 20 }, () => paragraphs[Math.floor(random() * paragraphs.length)]).join("\n\n");
  articles.push(a);
  size += a.length;
}
var sentences = articles.flatMap((a) => splitStatements(a).map((s) => a.slice(s.start, s.end)));
var n = 0;
for (let r = 0; r < 20; r++) {
  const t0 = performance.now();
  for (const s of sentences) n += tokenise(s, false).tokens.length;
  if (r % 5 == 0) console.log(performance.now() - t0);
}
console.log(n / 20);
