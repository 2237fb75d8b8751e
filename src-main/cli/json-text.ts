// The text of a large JSON object written bit by bit: the elements of its append-only arrays are turned into
// text (and UTF-8 bytes) as they are added, while other work goes on, so writing the file at the end costs
// little. The bytes are exactly those of `${JSON.stringify(value, null, 1)}\n`.

const INDENT = ' ';

/**
 * The text of `values` as elements of an array two levels deep (an array under a key of the whole object), laid
 * out as `JSON.stringify(whole, null, 1)` lays them out: stringified inside two arrays, whose brackets are cut off.
 */
function elementsText(values: unknown[]): string {
  const text = JSON.stringify([values], null, INDENT.length);
  return text.slice('[\n [\n'.length, -'\n ]\n]'.length);
}

/** The text of one property of the whole object, as `JSON.stringify(whole, null, 1)` lays it out. */
function propertyText(key: string, value: unknown): string | undefined {
  const text = JSON.stringify({ [key]: value }, null, INDENT.length);
  return text === '{}' ? undefined : text.slice('{\n'.length, -'\n}'.length);
}

interface Written {
  /** Elements already turned into text. */
  count: number;
  parts: Buffer[];
}

export class IncrementalJson<T extends object> {
  private readonly written = new Map<keyof T, Written>();

  /**
   * `appendOnly`: arrays of `value` that only ever grow, whose elements do not change once added; every other
   * property is written when the text is asked for.
   */
  constructor(
    private readonly value: T,
    appendOnly: readonly (keyof T)[],
  ) {
    for (const key of appendOnly) this.written.set(key, { count: 0, parts: [] });
  }

  /** Turns the elements added to the append-only arrays since the last call into text. */
  flush(): void {
    for (const [key, w] of this.written) {
      const list = this.value[key] as unknown[];
      if (list.length === w.count) continue;
      w.parts.push(Buffer.from(`${w.count > 0 ? ',\n' : ''}${elementsText(list.slice(w.count))}`));
      w.count = list.length;
    }
  }

  /** The whole text as UTF-8, ending in a line break. */
  bytes(): Buffer {
    this.flush();
    const out: Buffer[] = [];
    const fields: Buffer[][] = [];
    for (const [key, field] of Object.entries(this.value) as [keyof T & string, unknown][]) {
      const head = `${INDENT}${JSON.stringify(key)}: `;
      const w = this.written.get(key);
      if (w) {
        fields.push(
          w.count === 0
            ? [Buffer.from(`${head}[]`)]
            : [Buffer.from(`${head}[\n`), ...w.parts, Buffer.from(`\n${INDENT}]`)],
        );
        continue;
      }
      const text = propertyText(key, field);
      if (text !== undefined) fields.push([Buffer.from(text)]);
    }
    out.push(Buffer.from(fields.length ? '{\n' : '{}'));
    fields.forEach((parts, i) => out.push(...(i > 0 ? [Buffer.from(',\n')] : []), ...parts));
    out.push(Buffer.from(fields.length ? '\n}\n' : '\n'));
    return Buffer.concat(out);
  }
}
