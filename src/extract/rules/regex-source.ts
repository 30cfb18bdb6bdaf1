/**
 * Just enough of a regular-expression source reader for the rewrites and prefilters of
 * word-boundary.ts and literal-prefilter.ts: where an escape, a class, a group ends, a group's
 * body and alternatives, a quantifier. Callers treat anything they do not recognise as unknown.
 */

/** Index after the escape at `i` (`\p{L}`, `\k<name>`, `\u{...}`, `\uXXXX`, `\xXX`, `\cX`, `\.`). */
export function escapeEnd(src: string, i: number): number {
  const e = src[i + 1];
  if ((e === 'p' || e === 'P' || e === 'u') && src[i + 2] === '{') {
    const close = src.indexOf('}', i + 3);
    return close < 0 ? src.length : close + 1;
  }
  if (e === 'k' && src[i + 2] === '<') {
    const close = src.indexOf('>', i + 3);
    return close < 0 ? src.length : close + 1;
  }
  if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(src.slice(i + 2, i + 6))) return i + 6;
  if (e === 'x' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 2, i + 4))) return i + 4;
  if (e === 'c' && /^[A-Za-z]$/.test(src[i + 2] ?? '')) return i + 3;
  return Math.min(i + 2, src.length);
}

/** Index after the class `[...]` opening at `i`. */
export function classEnd(src: string, i: number): number {
  let j = i + 1;
  if (src[j] === '^') j++;
  // A `]` right after `[` or `[^` closes the class: `[]` matches nothing, `[^]` anything.
  while (j < src.length && src[j] !== ']') j = src[j] === '\\' ? escapeEnd(src, j) : j + 1;
  return Math.min(j + 1, src.length);
}

/** Index after the group opening at `i`. */
export function groupEnd(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') j = escapeEnd(src, j);
    else if (c === '[') j = classEnd(src, j);
    else {
      if (c === '(') depth++;
      else if (c === ')') {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
  }
  return src.length;
}

/** The body of a capturing, non-capturing or named group; null for a lookaround or other `(?`. */
export function groupBody(src: string, i: number, end: number): string | null {
  if (src[end - 1] !== ')') return null;
  if (src[i + 1] !== '?') return src.slice(i + 1, end - 1);
  if (src[i + 2] === ':') return src.slice(i + 3, end - 1);
  const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i));
  return named ? src.slice(i + named[0].length, end - 1) : null;
}

/** The top-level alternatives of a pattern (split at `|` outside groups and classes). */
export function alternativesOf(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let j = 0;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') {
      j = escapeEnd(src, j);
      continue;
    }
    if (c === '[') {
      j = classEnd(src, j);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(from, j));
      from = j + 1;
    }
    j++;
  }
  out.push(src.slice(from));
  return out;
}

/** The quantifier at `j` (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy), or null. */
export function quantifier(src: string, j: number): { min: number; end: number } | null {
  const c = src[j];
  let min: number;
  let end: number;
  if (c === '?' || c === '*') {
    min = 0;
    end = j + 1;
  } else if (c === '+') {
    min = 1;
    end = j + 1;
  } else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(j));
    if (!m) return null;
    min = Number(m[1]);
    end = j + m[0].length;
  } else {
    return null;
  }
  if (src[end] === '?') end++;
  return { min, end };
}
