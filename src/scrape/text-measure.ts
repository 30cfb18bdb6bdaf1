/**
 * Script-aware text measures for the main-text scorer. Lengths are in "units" of about one
 * Latin letter: a Han character carries as much text as three Latin letters, a kana or a Hangul
 * syllable about two, so that a Japanese or Chinese paragraph (no spaces, few characters) and a
 * Korean one weigh as much as an English paragraph saying the same thing. Whitespace never
 * counts, so words are not counted by spaces anywhere.
 */

/** Units of one character: 0 for whitespace and invisible characters. */
function unitsOf(c: number): number {
  if (c <= 32) return 0;
  if (c < 0x2e80) {
    if (c === 0xa0 || c === 0xad || (c >= 0x2000 && c <= 0x200f) || c === 0x2028 || c === 0x2029) return 0;
    if (c >= 0x1100 && c <= 0x11ff) return 2; // Hangul jamo
    return 1;
  }
  if (c >= 0x3040 && c <= 0x30ff) return 2; // Hiragana, Katakana
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 3; // Han
  if (c >= 0xac00 && c <= 0xd7af) return 2; // Hangul syllables
  if (c === 0x3000 || c === 0xfeff) return 0;
  return 1;
}

export interface TextMeasure {
  /** Script-aware length (see above). */
  units: number;
  /** Commas: `,` and the Arabic, ideographic and full-width commas. */
  commas: number;
  /** Sentence ends: `. ! ?` before a space or the end, and `。！？` anywhere. */
  sentences: number;
}

/** Adds the measures of `text` to `into` (one pass over the characters). */
export function measureInto(text: string, into: TextMeasure): void {
  let units = 0;
  let commas = 0;
  let sentences = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    units += unitsOf(c);
    if (c === 44 || c === 0x060c || c === 0x3001 || c === 0xff0c) commas++;
    else if (c === 46 || c === 33 || c === 63) {
      // "3.5", "e.g.x" and "www.x" are not sentence ends: the next character must be a space,
      // a closing quote or bracket, or the end of the text.
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 32;
      if (next <= 32 || next === 0xa0 || next === 34 || next === 41 || next === 0x201d || next === 0x2019)
        sentences++;
    } else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x061f || c === 0x0964) sentences++;
  }
  into.units += units;
  into.commas += commas;
  into.sentences += sentences;
}

export function measureText(text: string): TextMeasure {
  const m: TextMeasure = { units: 0, commas: 0, sentences: 0 };
  measureInto(text, m);
  return m;
}
