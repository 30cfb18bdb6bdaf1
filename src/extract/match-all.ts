/**
 * `text.matchAll(re)` without the copy: `String.prototype.matchAll` clones its regex on every
 * call (`new RegExp(re, flags)`, the spec's SpeciesConstructor), and V8 looks the clone's
 * compiled code up again; with a rule table's large patterns asked about every sentence, the
 * clones cost more than the matching (measured: about ten times an exec loop on the same
 * pattern). The same matches, in the same order, from one exec loop on the regex itself:
 * starting at its `lastIndex` as matchAll's clone does, stepping over an empty match by one
 * code point under the `u` flag (the spec's AdvanceStringIndex), and leaving `lastIndex` as it
 * was. The regex must be global, as matchAll requires.
 */
export function matchAll(text: string, re: RegExp): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchAll needs a global regex: /${re.source}/${re.flags}`);
  const saved = re.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    }
  } finally {
    re.lastIndex = saved;
  }
  return out;
}

function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = text.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
