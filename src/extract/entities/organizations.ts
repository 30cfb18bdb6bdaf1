/**
 * Organisations: known names (organizations.yaml `known`), runs of capitalised words ending
 * in an organisation head ("... Agency", "... Police"), or holding one before "of"
 * ("General Directorate of National Security"); "and" / "on" / "for" continue a name when a
 * short capitalised run follows ("Customs and Border Protection"). An acronym in brackets
 * after a name is that organisation, not a new one.
 */
import { claim, type EntityContext, spanText } from './context.ts';
import type { Chunk, Token } from './tokens.ts';

export interface OrgFinding {
  name: string;
  tokens: Token[];
}

/** Index of the last organisation head in `tokens`, or -1. */
export function lastOrgHead(ctx: EntityContext, tokens: Token[]): number {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (ctx.tables.orgHeads.has(t.text)) return i;
    // Two-word heads ("Task Force", "Coast Guard").
    if (i > 0 && ctx.tables.orgHeads.has(`${tokens[i - 1]!.text} ${t.text}`)) return i;
  }
  return -1;
}

/** Known organisation names inside a token run, longest first. */
function knownSpan(ctx: EntityContext, tokens: Token[]): [number, number] | null {
  for (let len = tokens.length; len >= 1; len--) {
    for (let i = 0; i + len <= tokens.length; i++) {
      const text = spanText(ctx, tokens.slice(i, i + len));
      if (ctx.tables.orgKnown.has(text)) return [i, i + len];
    }
  }
  return null;
}

export function findOrganizations(ctx: EntityContext): OrgFinding[] {
  const out: OrgFinding[] = [];
  const acronyms = new Set<string>();
  const gr = ctx.tables.grammar;
  for (let s = 0; s < ctx.chunks.length; s++) {
    const chunks = ctx.chunks[s]!;
    const sentence = ctx.tokens[s]!;
    for (let c = 0; c < chunks.length; c++) {
      let tokens = chunks[c]!.tokens;
      // "Border Force found ...": the first word of a sentence, capitalised by position, still
      // belongs to a name the chunk ends ("Force" alone is no organisation).
      const opener = sentence[0];
      if (
        tokens[0]!.index === 1 &&
        opener &&
        !opener.possessive &&
        /^\p{Lu}/u.test(opener.text) &&
        /^\s+$/.test(tokens[0]!.gapBefore) &&
        !ctx.gaz.lookup(opener.text).some((e) => e.kind !== 'city')
      ) {
        const wider = [opener, ...tokens];
        const known = knownSpan(ctx, wider);
        // A known name wins over the parse's guess ("Border" read as a verb); otherwise the
        // first word must be able to stand in a name.
        if (
          (known && known[0] === 0) ||
          (lastOrgHead(ctx, tokens) === tokens.length - 1 &&
            !ctx.parser.openerTags.some((tag) => opener.tags.has(tag)))
        )
          tokens = wider;
      }
      // Continue through "and" / "on" / "for" into short capitalised runs.
      let head = lastOrgHead(ctx, tokens);
      if (head === tokens.length - 1 || (head >= 0 && gr.orgOf.has(tokens[head + 1]?.text ?? ''))) {
        while (c + 1 < chunks.length) {
          const next = chunks[c + 1]!;
          const between = ctx.text.slice(tokens[tokens.length - 1]!.end, next.start);
          const m = /^\s+(\S+)\s+$/.exec(between);
          if (!m || !gr.orgJoiners.has(m[1]!) || next.tokens.length > 2) break;
          if (ctx.gaz.lookup(next.text).some((e) => e.kind === 'country')) break;
          tokens = [...tokens, ...next.tokens];
          c++;
        }
        head = lastOrgHead(ctx, tokens);
      }
      const known = knownSpan(ctx, tokens);
      let span: Token[] | null = null;
      if (head >= 0) {
        // Everything up to the head, plus an "of ..." tail that names no person.
        let end = head + 1;
        if (gr.orgOf.has(tokens[end]?.text ?? '')) end = tokens.length;
        span = tokens.slice(0, end);
        // A title inside ("Queensland Police Deputy Commissioner X") ends the organisation.
        if (end === tokens.length) {
          const t = tokens.findIndex(
            (tok, i) => i > head && ctx.tables.titleHeads.has(tok.text.toLowerCase()),
          );
          if (t > 0) span = tokens.slice(0, head + 1);
        }
        if (known && known[0] < span.length && known[1] > span.length) span = tokens.slice(0, known[1]);
      } else if (known) {
        span = tokens.slice(known[0], known[1]);
      } else if (companyCue(ctx, sentence, tokens)) {
        span = tokens;
      } else {
        // "the Sinaloa cartel", "a Kinahan gang": a lower-case head after a name makes it a
        // group's name (the region or family it is named after is no place of the story).
        const headAfter = sentence[tokens[tokens.length - 1]!.index + 1];
        if (
          headAfter &&
          !headAfter.name &&
          /^\s+$/.test(headAfter.gapBefore) &&
          headAfter.text === headAfter.text.toLowerCase() &&
          ctx.tables.orgHeads.has(headAfter.text)
        )
          span = [...tokens, headAfter];
      }
      if (!span) continue;
      // "Portlaoise Mail Centre", "Apapa Port": a facility (place-facilities.yaml), not a body.
      const spanWords = span.map((tok) => tok.text);
      if (
        ctx.tables.facilities.some((f) => {
          const head = f.head.split(' ');
          return (
            head.length > 1 &&
            head.length < spanWords.length &&
            spanWords.slice(-head.length).join(' ') === f.head
          );
        })
      )
        continue;
      // A legal form alone ("SA", also South Africa) names nothing.
      if (span.length === 1 && ctx.tables.orgLegal.has(span[0]!.text)) continue;
      // "Founder of Ceres Robotics": a title and "of" before the name are no part of it; nor is "The".
      // "Ahmed Benali of the Royal Gendarmerie": no head before "of", so what precedes it is
      // no part of the organisation.
      const of = span.findIndex((tok) => gr.roleComplementLinks.has(tok.text));
      if (
        of > 0 &&
        (span.slice(0, of).some((tok) => ctx.tables.titleHeads.has(tok.text.toLowerCase())) ||
          lastOrgHead(ctx, span.slice(0, of)) < 0)
      )
        span = span.slice(of + 1);
      while (span.length > 1 && gr.leadingArticle.test(span[0]!.text)) span = span.slice(1);
      // A run that names a place is one ("Soviet Union", "European Union").
      if (ctx.gaz.lookup(spanText(ctx, span)).some((e) => e.kind !== 'city')) continue;
      const name = spanText(ctx, span);
      claim(ctx, span);
      if (ctx.tables.orgNot.has(name)) continue;
      if (span.length === 1 && span[0]!.allCaps && acronyms.has(name)) continue;
      out.push({ name, tokens: span });
      ctx.orgSpans.push(span);
      // "Jamaica Customs", "Nigeria Customs Service": the country it names is the story's evidence.
      // "Ontario Provincial Police", "Queensland Police": a region of one country says as much.
      for (let k = Math.min(4, span.length - 1); k >= 1; k--) {
        const readings = ctx.gaz.lookup(spanText(ctx, span.slice(0, k)));
        const country = readings.find((e) => e.kind === 'country')?.country;
        const regions = new Set(readings.filter((e) => e.kind === 'region').map((e) => e.country));
        const region = regions.size === 1 ? [...regions][0] : null;
        if (country ?? region) {
          ctx.orgCountries.push((country ?? region)!);
          break;
        }
      }
      // "(NCS)" right after the name: the acronym is this organisation.
      const after = ctx.text.slice(span[span.length - 1]!.end, span[span.length - 1]!.end + 14);
      const acr = /^\s*\(([A-Z][A-Z.&-]{1,10})\)/.exec(after);
      if (acr) acronyms.add(acr[1]!);
    }
  }
  // An acronym that abbreviates another organisation of the text is that organisation.
  const initials = out.filter((o) => o.tokens.length > 1).map((o) => initialsOf(o.name));
  const seen = new Set<string>();
  return out.filter((o) => {
    if (o.tokens.length === 1 && /^[A-Z]{2,8}$/.test(o.name)) {
      if (acronyms.has(o.name)) return false;
      if (initials.some((i) => i.startsWith(o.name))) return false;
    }
    if (seen.has(o.name)) return false;
    seen.add(o.name);
    return true;
  });
}

/** "shipping firm Alvaro": a short capitalised run right after a company noun. */
function companyCue(ctx: EntityContext, sentence: Token[], tokens: Token[]): boolean {
  const first = tokens[0]!;
  const prev = sentence[first.index - 1];
  if (!prev || prev.name || !/^\s+$/.test(first.gapBefore) || tokens.length > 3) return false;
  const prev2 = sentence[first.index - 2];
  const cue =
    ctx.tables.orgCues.has(prev.text.toLowerCase()) ||
    (prev2 !== undefined &&
      /^\s+$/.test(prev.gapBefore) &&
      ctx.tables.orgCues.has(`${prev2.text} ${prev.text}`.toLowerCase()));
  if (!cue || prev.possessive) return false;
  if (tokens.some((t) => ctx.tables.titleHeads.has(t.text.toLowerCase()) || !t.name)) return false;
  return ctx.gaz.lookup(spanText(ctx, tokens)).length === 0;
}

/** "U.S. Customs and Border Protection" -> "CBP" (country prefixes and small words skipped). */
function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:\p{Lu}\.)+$/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Chunks fully claimed by earlier rules are skipped by later ones. */
export function unclaimed(ctx: EntityContext, chunk: Chunk): Token[] {
  return chunk.tokens.filter((t) => !ctx.claimed.has(t.start));
}
