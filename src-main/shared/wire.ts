// Binary-safe request encoding for the browser shell's HTTP bridge: JSON with byte arrays
// carried after it, so a 200 MB file is not inflated into a JSON number array or base64.
const MAGIC = [0x43, 0x52, 0x42, 0x31]; // "CRB1"

type BytesRef = { $bytes: [number, number] };

export function encodeRequest(input: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(input ?? {}, (_key, value: unknown) => {
    if (value instanceof Uint8Array) {
      blobs.push(value);
      const ref: BytesRef = { $bytes: [offset, value.byteLength] };
      offset += value.byteLength;
      return ref;
    }
    return value;
  });
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + head.byteLength + offset);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.byteLength, true);
  out.set(head, 8);
  let at = 8 + head.byteLength;
  for (const b of blobs) {
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
}

/**
 * Decodes a request without copying its bytes: each `$bytes` reference becomes a view into the body, and
 * the references together may not cover more than the body holds (so a small request cannot stand for
 * gigabytes once decoded, whatever the contract later says about it).
 */
export function decodeRequest(data: Uint8Array): unknown {
  if (data.byteLength < 8 || MAGIC.some((m, i) => data[i] !== m)) throw new Error('not an encoded request');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const length = view.getUint32(4, true);
  if (8 + length > data.byteLength) throw new Error('truncated request');
  const body = data.subarray(8 + length);
  const json = new TextDecoder('utf-8', { fatal: true }).decode(data.subarray(8, 8 + length));
  let referenced = 0;
  return JSON.parse(json, (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$bytes' in value) {
      const ref = (value as BytesRef).$bytes;
      if (!Array.isArray(ref) || ref.length !== 2) throw new Error('bad byte reference');
      const [start, len] = ref;
      if (
        !Number.isInteger(start) ||
        !Number.isInteger(len) ||
        start < 0 ||
        len < 0 ||
        start + len > body.byteLength
      ) {
        throw new Error('byte reference out of range');
      }
      referenced += len;
      if (referenced > body.byteLength) throw new Error('byte references overlap (more bytes than sent)');
      return body.subarray(start, start + len);
    }
    return value;
  });
}

/** Responses are JSON; byte arrays in them travel as base64 (exports are small next to imports). */
export function encodeResponse(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $base64: toBase64(v) } : v,
  );
}

export function decodeResponse(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) =>
    v && typeof v === 'object' && typeof (v as { $base64?: unknown }).$base64 === 'string'
      ? fromBase64((v as { $base64: string }).$base64)
      : v,
  );
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
