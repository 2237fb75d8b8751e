// File names from hostile sources may hide their real extension with bidi overrides or control
// characters ("invoice‮gpj.txt" reads as "invoicetxt.jpg"): show those characters instead.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function displayFileName(name: string): string {
  return name.replace(INVISIBLE, (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}
