/**
 * Persons and their roles. A person is a run of 1-4 name words that
 *   - follows a title inside the same capitalised run ("Prime Minister Bart De Wever"), or a
 *     lower-case role right before it ("police spokesman John Doe"), or
 *   - is followed by an apposition holding a title ("Jane Doe, the interior minister, said"),
 *     or by an age ("Doe, 30,"), or follows a relation ("his wife, Jane"), or
 *   - is two words or more that compromise tags as a person or that a speech verb follows.
 * Bylines, credits and editor lines are skipped (person-stopwords.yaml `credit`); a nationality
 * or country before a role is dropped; later mentions by surname ("De Wever said") are the
 * same person. Titles and roles come from titles-roles.yaml.
 */
import type { Person } from '../../types.ts';
import { cachedRegExp } from '../rules/regex-cache.ts';
import { escapeRegex } from '../rules/slots.ts';
import { claim, type EntityContext, isClaimed, spanText } from './context.ts';
import { lastOrgHead } from './organizations.ts';
import { hyphenJoined } from './places.ts';
import { type Chunk, isCommonWord, type Token } from './tokens.ts';

interface Found {
  name: string;
  role: string | null;
  tokens: Token[];
}

const EMPTY_TAGS: ReadonlySet<string> = new Set();
const NICK_OPEN = /^\s+["“‘']$/u;
const NICK_CLOSE = /^["”’']\s+$/u;

export function findPersons(ctx: EntityContext, orgNames: string[]): Person[] {
  const found: Found[] = [];
  const t = ctx.tables;
  const gr = t.grammar;
  const CONNECTORS = gr.connectors;
  const lower = (tok: Token) => tok.text.toLowerCase();
  const articles = gr.slots.words('name-article');
  /** The word after `tok` in its sentence, lower case ("" at the end). */
  const nextWord = (tok: Token) => {
    const n = ctx.tokens[tok.sentence]?.[tok.index + 1];
    return n && /^\s+$/.test(n.gapBefore) ? lower(n) : '';
  };
  const prevWord = (tok: Token) => {
    const p = ctx.tokens[tok.sentence]?.[tok.index - 1];
    return p && /^\s+$/.test(tok.gapBefore) ? lower(p) : '';
  };
  const isHonorific = (tok: Token) =>
    t.honorifics.has(lower(tok)) ||
    t.honorifics.has(`${lower(tok)}.`) ||
    articles.some((a) => t.honorifics.has(`${a} ${lower(tok)}`)) ||
    // "Tan Sri X", "Datuk Seri X": either word of an honorific of two words.
    (nextWord(tok) !== '' && t.honorifics.has(`${lower(tok)} ${nextWord(tok)}`)) ||
    (prevWord(tok) !== '' && t.honorifics.has(`${prevWord(tok)} ${lower(tok)}`));
  // Heads of three words ("officier van justitie") are rare: look for them only if the table has one.
  const threeWordHeads = [...t.titleHeads].some((h) => h.split(' ').length === 3);
  const isHead = (tok: Token, prev?: Token): boolean => {
    if (t.isHeadWord(tok.text) || (prev !== undefined && t.titleHeads.has(`${lower(prev)} ${lower(tok)}`)))
      return true;
    if (tok.gapBefore !== '-' && !threeWordHeads) return false;
    const before = prev ?? ctx.tokens[tok.sentence]?.[tok.index - 1];
    if (before === undefined) return false;
    // "officier van justitie": a head of three words.
    const before2 = threeWordHeads ? ctx.tokens[before.sentence]?.[before.index - 1] : undefined;
    if (before2 && t.titleHeads.has(`${lower(before2)} ${lower(before)} ${lower(tok)}`)) return true;
    // "porta-voz", "diretor-geral", "vice-amiral": the tokens split at the hyphen; the compound is a
    // head, and so is a modifier hyphened to a head.
    return (
      tok.gapBefore === '-' &&
      (t.isHeadWord(`${lower(before)}-${lower(tok)}`) ||
        (t.isHeadWord(before.text) && t.titleModifiers.has(lower(tok))))
    );
  };
  const isTitleWord = (tok: Token) => isHead(tok) || t.titleModifiers.has(lower(tok)) || isHonorific(tok);
  // "Département du Var", "Kanton Bern": an administrative noun is no part of a person's
  // name (English keeps "Parish", "State" as surnames).
  const adminWord = (tok: Token) =>
    ctx.gaz.language !== 'en' &&
    (gr.adminUnitNouns.has(lower(tok)) ||
      gr.townNouns.has(lower(tok)) ||
      gr.adminPlural.has(lower(tok)) ||
      gr.portWord.has(tok.text));
  /** "Ka-ming" in "Wong Ka-ming": a short lower-case part hyphened to the name word before it. */
  const hyphenPart = (tok: Token) =>
    !tok.name &&
    tok.gapBefore === '-' &&
    /^\p{Ll}{1,5}$/u.test(tok.text) &&
    !gr.hyphenCompoundWords.has(tok.text) &&
    // "X-ray": not after a single letter.
    /^\p{Lu}\p{Ll}+$/u.test(ctx.tokens[tok.sentence]?.[tok.index - 1]?.text ?? '');
  /** A name word, demonyms aside. */
  const nameWordOrDemonym = (tok: Token): boolean =>
    hyphenPart(tok) ||
    (tok.name &&
      !isTitleWord(tok) &&
      !adminWord(tok) &&
      !t.orgHeads.has(tok.text) &&
      !t.notPersonTokens.has(tok.text) &&
      !(tok.allCaps && tok.text.length > 1 && !tok.text.includes('.')));
  const nameWord = (tok: Token): boolean =>
    hyphenPart(tok) || (nameWordOrDemonym(tok) && ctx.gaz.demonym(tok.text) === null);
  /** A rank, written with its dot ("Sgt.") or without ("Snr Supt", "ASP"). */
  const isRank = (tok: Token) => t.ranks.has(`${lower(tok)}.`) || t.ranks.has(lower(tok));
  /** "Lt. Col.", "Sgt.": abbreviated ranks before a name are its role, with their dots. */
  const rankRole = (tokens: Token[]): string | null => {
    const ranks = tokens.filter(isRank);
    if (ranks.length === 0) return null;
    const end = ranks[ranks.length - 1]!.end;
    return ctx.text.slice(ranks[0]!.start, ctx.text[end] === '.' ? end + 1 : end);
  };
  /**
   * A run that names a country, region or known place is no person; nor are towns joined by
   * hyphens ("Hal-Vilvorde", "Wien-Floridsdorf").
   */
  const isPlaceName = (tokens: Token[]) =>
    ctx.gaz
      .lookup(spanText(ctx, tokens))
      .some((e) => e.kind !== 'city' || e.population >= t.populations['medium-city-population']) ||
    hyphenJoined(ctx, spanText(ctx, tokens)) !== null;
  /** Drop a leading nationality or country ("US", "Belgian") and honorifics from a role. */
  const cleanRole = (tokens: Token[]): string | null => {
    let i = 0;
    while (i < tokens.length) {
      const tok = tokens[i]!;
      if (isHonorific(tok) || ctx.gaz.demonym(tok.text) !== null) {
        i++;
        continue;
      }
      let country = 0;
      for (let k = Math.min(3, tokens.length - i - 1); k >= 1; k--) {
        const ents = ctx.gaz.lookup(spanText(ctx, tokens.slice(i, i + k)));
        if (ents.some((e) => e.kind === 'country' || e.country === 'EU')) {
          country = k;
          break;
        }
      }
      if (country === 0) break;
      i += country;
    }
    const rest = tokens.slice(i);
    if (rest.length === 0 || !rest.some((tok, k) => isHead(tok, rest[k - 1]))) return null;
    return spanText(ctx, rest);
  };

  /**
   * "Burgemeester X van Nederweert", "el alcalde X de Tarifa": words after a role holder's
   * name that are a town of some size, a region or a country, or a town the text names again
   * elsewhere; surnames that are also hamlets ("de Castro" of one village) stay in the name.
   */
  const roleTownOf = (rest: Token[]): boolean => {
    const name = spanText(ctx, rest);
    const found = ctx.gaz.lookup(name);
    if (found.some((e) => e.kind !== 'city' || e.population >= t.populations['small-town-population']))
      return true;
    if (found.length === 0) return false;
    const at = rest[0]!.start;
    let i = ctx.text.indexOf(name);
    while (i >= 0) {
      if (i !== at) return true;
      i = ctx.text.indexOf(name, i + name.length);
    }
    return false;
  };
  const appositionArticles = new Set(gr.slots.words('apposition-articles'));
  const functionWords = new Set(
    [...gr.slots.words('function-words'), ...appositionArticles].map((w) => w.toLowerCase()),
  );
  /**
   * "na província de Nampula", "l'aéroport Aimé-Césaire", "el puerto de Motril": a run right
   * after an administrative noun or a facility head written before its name (with or without a
   * connector) names a place, not a person. Languages other than English.
   */
  const placeNounBefore =
    ctx.gaz.language === 'en'
      ? null
      : cachedRegExp(
          `(?:^|[\\s'’])(?:${[
            ...gr.adminUnitNouns,
            ...gr.townNouns,
            ...gr.streetNouns,
            ...t.facilities.filter((f) => f.prefix).map((f) => f.head.toLowerCase()),
          ]
            .map(escapeRegex)
            .join(
              '|',
            )})\\s+(?:(?:${[...CONNECTORS].join('|')})\\s+)?(?:(?:${[...appositionArticles].join('|')})\\s+)?$`,
          'iu',
        );
  /**
   * A role whose head comes before an organisation or place complement that runs up to the
   * name: "the NDLEA Director of Media and Advocacy, X", "le procureur de la République de Lille,
   * X", "o delegado da PF X". Returns the token index where the role starts, or -1. `idx` is the
   * name's first token; only spaces part the role's words.
   */
  const roleBeforeComplement = (st: Token[], idx: number): number => {
    for (let k = idx - 1, steps = 0; k > 0 && steps < 9; k--, steps++) {
      const tok = st[k]!;
      if (k < idx - 1 && !/^\s+$/.test(st[k + 1]!.gapBefore)) return -1;
      const link = gr.roleComplementLinks.has(tok.text);
      if (link && k < idx - 1 && isHead(st[k - 1]!, st[k - 2]) && /^\s+$/.test(tok.gapBefore)) {
        let start = k - 1;
        while (
          start > 0 &&
          k - start < 4 &&
          /^\s+$/.test(st[start]!.gapBefore) &&
          (isTitleWord(st[start - 1]!) || (st[start - 1]!.name && st[start - 1]!.allCaps))
        )
          start--;
        // "a porta-voz da X": the head's hyphened first part is the role's too.
        while (start > 0 && st[start]!.gapBefore === '-' && !st[start - 1]!.name) start--;
        return start;
      }
      if (
        !(
          tok.name ||
          link ||
          CONNECTORS.has(tok.text) ||
          gr.orgJoiners.has(tok.text) ||
          appositionArticles.has(tok.text)
        )
      )
        return -1;
    }
    return -1;
  };

  // "Ismael "El Mayo" Zambada": a nickname in quotes inside a name.
  for (let s = 0; s < ctx.tokens.length; s++) {
    if (ctx.creditSentences.has(s)) continue;
    const st = ctx.tokens[s]!;
    for (let i = 1; i < st.length; i++) {
      if (!NICK_OPEN.test(st[i]!.gapBefore)) continue;
      let j = i;
      while (j < i + 3 && st[j + 1] && /^\s+$/.test(st[j + 1]!.gapBefore)) j++;
      const close = st[j + 1];
      if (!close || !NICK_CLOSE.test(close.gapBefore)) continue;
      if (!st.slice(i, j + 1).every((tok) => /^\p{Lu}/u.test(tok.text) || CONNECTORS.has(tok.text))) continue;
      let a = i;
      while (a > 0 && i - a < 2 && nameWord(st[a - 1]!) && (a === i || /^\s+$/.test(st[a]!.gapBefore))) a--;
      let b = j + 1;
      while (b + 1 < st.length && b - j < 2 && nameWord(st[b + 1]!) && /^\s+$/.test(st[b + 1]!.gapBefore))
        b++;
      if (a === i || !nameWord(close)) continue;
      const tokens = [...st.slice(a, i), ...st.slice(j + 1, b + 1)];
      if (tokens.some((tok) => isClaimed(ctx, tok))) continue;
      found.push({ name: ctx.text.slice(st[a]!.start, st[b]!.end), role: null, tokens });
      claim(ctx, st.slice(a, b + 1));
    }
  }

  for (let s = 0; s < ctx.chunks.length; s++) {
    if (ctx.creditSentences.has(s)) continue;
    const sentenceTokens = ctx.tokens[s]!;
    for (const chunk of ctx.chunks[s]!) {
      // "Lt. Col. Ahmed Benali of the Royal Gendarmerie": the run stops where an organisation starts.
      let all = chunk.tokens;
      const cut = all.findIndex(
        (_tok, i) => i > 0 && !isClaimed(ctx, all[0]!) && all.slice(i).every((x) => isClaimed(ctx, x)),
      );
      if (cut > 0) {
        all = all.slice(0, cut);
        while (all.length > 1 && CONNECTORS.has(all[all.length - 1]!.text)) all = all.slice(0, -1);
      }
      // "Judge Andrew Menary KC": letters after the name are no part of it; a generational suffix
      // ("Marco Reyes Jr.", "Henry Ford II") is, and goes back on the name found.
      const suffixToks: Token[] = [];
      while (
        all.length > 1 &&
        (t.postNominals.has(all[all.length - 1]!.text) || t.nameSuffixes.has(all[all.length - 1]!.text))
      ) {
        const tok = all[all.length - 1]!;
        if (t.nameSuffixes.has(tok.text)) suffixToks.unshift(tok);
        else suffixToks.length = 0;
        all = all.slice(0, -1);
      }
      // "Supt Rajesh Pillay of the Metro (unit)", "minister Annelies Verhulst van Justitie": a
      // name ends at a connector after which come only institution words, or "of the" and a place
      // ("Filipe dos Santos" keeps its place-like surname).
      for (let c = 1; c < all.length - 1; c++) {
        if (!CONNECTORS.has(all[c]!.text) || !nameWord(all[c - 1]!) || isHead(all[c - 1]!)) continue;
        const rest = all.slice(c + 1).filter((tok) => !CONNECTORS.has(tok.text));
        if (rest.length === 0) continue;
        const noName = rest.every((tok) => !nameWord(tok) || isClaimed(ctx, tok));
        const ofThe = gr.orgOf.has(all[c]!.text) && appositionArticles.has(all[c + 1]!.text);
        // "Burgemeester Femke de Jong van Eindhoven": after a name that has its particle already, a
        // second one before a known place is the role's complement ("mayor of Eindhoven").
        const secondParticle =
          c >= 3 &&
          all.slice(1, c - 1).some((tok) => CONNECTORS.has(tok.text)) &&
          all.slice(0, c).filter((tok) => nameWord(tok)).length >= 2 &&
          rest.length === 1 &&
          isPlaceName(rest);
        // "Burgemeester Lieve Vanhoudt van Nederweert", "Minister Jeroen van Dalen van
        // Volksgezondheid": after a title and a full name (a first name and a surname), the role's
        // complement follows the link word, one capitalised word, however unknown (entity-grammar.yaml
        // `complement-after-full-name`: none in languages whose surnames run on with a particle).
        const complementAfterName =
          isHead(all[0]!) &&
          gr.complementAfterFullName.has(all[c]!.text) &&
          !CONNECTORS.has(all[c - 1]!.text) &&
          all.slice(1, c).filter((tok) => nameWord(tok) && !CONNECTORS.has(tok.text)).length >= 2 &&
          rest.length === 1 &&
          c + 2 === all.length;
        // "psycholoog Daan Visser van de Universiteit Utrecht": "of the" and an institution.
        const ofTheBody = ofThe && t.orgHeads.has(rest[0]!.text);
        const wordsBefore = all.slice(0, c).filter((tok) => nameWord(tok)).length;
        // "said Carla Reyes of Yuma", "Ana Ruiz of the Calexico port": in English "of" ends a name of
        // two words or more (entity-grammar.yaml `person-name-enders`).
        const ender = gr.personNameEnders.has(all[c]!.text) && wordsBefore >= 2;
        // "Burgemeester Lieve Martens van Nederweert", "Minister Jeroen de Wit van Volksgezondheid":
        // after a role head and a name of two words, a link of `role-town-links` and one or two
        // words the gazetteer knows, or a second particle and one word, are the role's complement.
        const lowerHead = sentenceTokens[all[0]!.index - 1];
        const headFirst =
          (isHead(all[0]!) && !nameWord(all[0]!)) ||
          (lowerHead !== undefined &&
            !lowerHead.name &&
            isHead(lowerHead) &&
            /^\s+$/.test(all[0]!.gapBefore));
        const roleComplement =
          headFirst &&
          gr.roleTownLinks.has(all[c]!.text) &&
          wordsBefore >= 2 &&
          rest.length <= 2 &&
          (roleTownOf(rest) ||
            (rest.length === 1 && all.slice(1, c - 1).some((tok) => CONNECTORS.has(tok.text))));
        if (
          noName ||
          (ofThe && isPlaceName(rest)) ||
          ofTheBody ||
          secondParticle ||
          ender ||
          roleComplement ||
          complementAfterName
        ) {
          all = all.slice(0, c);
          break;
        }
      }
      // The name: the trailing run of name words, at most four besides the particles ("Abdullah
      // bin Hamad al-Mansouri"), from a first name if tagged. A head with the word before it
      // ("Agent in Charge") and words of streets and institutions ("Minister for Home Affairs")
      // end it; a particle written capitalised joins between two name words ("Olivier Le Goff").
      const prevOf = (tok: Token) => sentenceTokens[tok.index - 1];
      // "Ann Fransen", "Tom English": a demonym after a first name is a surname.
      const inName = (k: number) =>
        k >= 0 &&
        (nameWord(all[k]!) || (k > 0 && all[k - 1]!.tags.has('FirstName') && nameWordOrDemonym(all[k]!))) &&
        !isHead(all[k]!, prevOf(all[k]!)) &&
        !gr.notNameWords.has(lower(all[k]!));
      let ts = all.length;
      let nameWords = 0;
      while (ts > 0) {
        const tok = all[ts - 1]!;
        if (nameWords < 4 && inName(ts - 1)) {
          nameWords++;
          ts--;
        } else if (
          ts < all.length &&
          (CONNECTORS.has(tok.text) ||
            ((CONNECTORS.has(lower(tok)) || gr.capitalisedParticles.has(tok.text)) &&
              nameWords < 4 &&
              inName(ts - 2)))
        )
          ts--;
        else break;
      }
      while (ts < all.length && CONNECTORS.has(all[ts]!.text)) ts++;
      const firstName = all.findIndex((tok, i) => i >= ts && tok.tags.has('FirstName'));
      const roleHasHead = (end: number) => all.slice(0, end).some((tok, k) => isHead(tok, all[k - 1]));
      // A tagged first name after a title starts the name ("... Operations Marty C. Raybon").
      // Not a last word the parser takes for a first name ("Commander Krissy Barrett"), nor over
      // a word the parser reads as a family name ("Colonel Tran Van Minh": family name first).
      if (
        firstName > ts &&
        firstName < all.length - 1 &&
        roleHasHead(firstName) &&
        !all.slice(ts, firstName).some((tok) => tok.tags.has('LastName'))
      )
        ts = firstName;
      /** The role ends with a head and its "of" / "for" complement. */
      const hasComplement = (role: Token[]): boolean => {
        const at = role.findIndex(
          (tok, k) => isHead(tok, role[k - 1]) && gr.roleComplementLinks.has(role[k + 1]?.text ?? ''),
        );
        const complement = role.slice(at + 2);
        return (
          at >= 0 &&
          complement.length > 0 &&
          complement[complement.length - 1]!.name &&
          complement.every((tok) => tok.name || CONNECTORS.has(tok.text)) &&
          complement.length <= 4
        );
      };
      const nameTokens = all.slice(ts);
      if (nameTokens.length === 0 || nameTokens.some((tok) => isClaimed(ctx, tok))) continue;
      const roleTokens = all.slice(0, ts);
      // "Interior Secretary Dr X", "Police Col. X": honorifics and abbreviated ranks between the
      // title and the name; the title ends before them (`re` tokens), a rank among them is the role's.
      let re = ts;
      while (re > 0 && isHonorific(all[re - 1]!)) re--;
      const roleCore = all.slice(0, re);
      const honorTail = all.slice(re, ts);
      const before = all[re - 1];
      const last = all[all.length - 1]!;
      const after = ctx.text.slice(last.end + (last.possessive ? 2 : 0), last.end + 200);

      let role: string | null = null;
      let isPerson = false;
      if (roleTokens.length > 0) {
        const orgHead = lastOrgHead(ctx, roleCore);
        const honorOnly = re === 0;
        if (honorOnly) {
          isPerson = true;
          role = rankRole(roleTokens);
        } else if (
          before &&
          (isHead(before, prevOf(before)) || (t.titleModifiers.has(lower(before)) && roleHasHead(re))) &&
          orgHead < re - 1
        ) {
          role = cleanRole(roleCore);
          isPerson = true;
        } else if (firstName === ts && roleHasHead(re)) {
          role = cleanRole(roleCore);
          isPerson = true;
        } else if (hasComplement(roleCore)) {
          // "Minister for Customs Karel Vos", "Director of Field Operations Marty Raybon".
          role = cleanRole(roleCore);
          isPerson = true;
        } else if (honorTail.some(isRank) && roleCore.every((tok) => tok.name && !tok.possessive)) {
          // "Police Col. X", "Customs Supt. X": a rank after a service's name is the role.
          const end = honorTail.filter(isRank).at(-1)!.end;
          role = ctx.text.slice(roleCore[0]!.start, ctx.text[end] === '.' ? end + 1 : end);
          isPerson = true;
        }
      }
      if (!isPerson && roleTokens.length > 0 && /^\s+$/.test(nameTokens[0]!.gapBefore)) {
        // "o delegado da PF Ricardo Albuquerque", "el juez de la Audiencia Nacional Pedro X": an
        // acronym or organisation between a role's head and its complement link and the name.
        const start = roleBeforeComplement(sentenceTokens, nameTokens[0]!.index);
        if (
          start >= 0 &&
          nameTokens.length >= 2 &&
          ((nameTokens.length >= 2 &&
            (nameTokens[0]!.tags.has('FirstName') || nameTokens[0]!.tags.has('Person'))) ||
            roleTokens.every((tok) => tok.allCaps || isClaimed(ctx, tok) || t.orgKnown.has(tok.text)))
        ) {
          role = spanText(ctx, sentenceTokens.slice(start, nameTokens[0]!.index));
          isPerson = true;
        }
      }
      if (!isPerson && roleTokens.length > 0 && !roleTokens.every((tok) => isClaimed(ctx, tok))) continue;
      // "Insp. Tom Hale" split into two sentences by the abbreviation's dot.
      if (roleTokens.length === 0 && all[0]!.index === 0 && s > 0) {
        const prevSentence = ctx.tokens[s - 1]!;
        const ranks: Token[] = [];
        for (let k = prevSentence.length - 1; k >= 0 && ranks.length < 2; k--) {
          const tok = prevSentence[k]!;
          if (!t.ranks.has(`${lower(tok)}.`) || !/^\p{Lu}/u.test(tok.text)) break;
          ranks.unshift(tok);
        }
        const last = ranks.at(-1);
        if (last && /^\.\s+$/.test(ctx.text.slice(last.end, all[0]!.start))) {
          role = rankRole(ranks);
          isPerson = true;
        }
      }
      /** Where a lower-case role of up to three words ending at token idx-1 starts. */
      const lowerCaseRoleStart = (idx: number): number => {
        let k = idx - 1;
        while (
          k - 1 >= 0 &&
          idx - k < 3 &&
          (!sentenceTokens[k - 1]!.name || t.orgNot.has(sentenceTokens[k - 1]!.text)) &&
          /^(?:\s+|-)$/.test(sentenceTokens[k]!.gapBefore) &&
          !isCommonFunction(sentenceTokens[k - 1]!)
        )
          k--;
        return k;
      };
      // "minister van Justitie Mark Jansen", "ministro de Interior Juan Pérez": the first words of
      // the run are the complement of the lower-case role before it, the rest (from a tagged first
      // name, else after one word) the name.
      if (roleTokens.length === 0 && nameTokens.length >= 3 && /^\s+$/.test(all[0]!.gapBefore)) {
        const idx = all[0]!.index;
        // "Minister van Justitie en Veiligheid X", "Minister für Inneres und Sport X": a complement
        // of two parts joined by "and"; the role's link and head come before the first part.
        let li = idx - 1;
        const and = sentenceTokens[li];
        if (and && !and.name && gr.personAnd.test(` ${and.text} `) && /^\s+$/.test(all[0]!.gapBefore)) {
          let k = li - 1;
          while (k > 1 && li - k < 4 && sentenceTokens[k]!.name && /^\s+$/.test(sentenceTokens[k]!.gapBefore))
            k--;
          if (
            k < li - 1 &&
            gr.roleComplementLinks.has(lower(sentenceTokens[k]!)) &&
            isHead(sentenceTokens[k - 1]!)
          )
            li = k;
        }
        const coordinated = li < idx - 1;
        const link = sentenceTokens[li];
        const head = sentenceTokens[li - 1];
        if (
          link &&
          head &&
          (!head.name || coordinated) &&
          gr.roleComplementLinks.has(lower(link)) &&
          isHead(head, sentenceTokens[li - 2]) &&
          /^\s+$/.test(link.gapBefore)
        ) {
          const tagged = nameTokens.findIndex((tok, k) => k > 0 && tok.tags.has('FirstName'));
          const cut = tagged > 0 ? tagged : 1;
          if (nameTokens.length - cut >= 2) {
            role = spanText(ctx, sentenceTokens.slice(lowerCaseRoleStart(li), nameTokens[cut]!.index));
            nameTokens.splice(0, cut);
            isPerson = true;
          }
        }
      }
      // A lower-case role right before the name ("police spokesman John Doe").
      if (!isPerson && (roleTokens.length === 0 || roleTokens.every((tok) => isClaimed(ctx, tok)))) {
        const first = all[0]!;
        const idx = first.index;
        const prev = sentenceTokens[idx - 1];
        if (prev && !prev.name && isHead(prev) && /^\s+$/.test(first.gapBefore)) {
          let k = lowerCaseRoleStart(idx);
          // "officier van justitie X": a head of three words is the role whole.
          const third = sentenceTokens[idx - 3];
          if (
            third &&
            k > idx - 3 &&
            t.titleHeads.has(`${lower(third)} ${lower(sentenceTokens[idx - 2]!)} ${lower(prev)}`)
          )
            k = idx - 3;
          // One organisation word or acronym before the role belongs to it ("PDEA chief").
          const org = sentenceTokens[k - 1];
          if (
            org?.name &&
            /^\s+$/.test(sentenceTokens[k]!.gapBefore) &&
            (org.allCaps || t.orgHeads.has(org.text) || isClaimed(ctx, org))
          )
            k--;
          role = spanText(ctx, sentenceTokens.slice(k, idx));
          isPerson = true;
        }
      }
      // A role before the name, set off by a comma: "Hong Kong's customs chief, Louise Ho, said".
      if (role === null && roleTokens.length === 0) {
        const idx = all[0]!.index;
        const prev = sentenceTokens[idx - 1];
        if (
          prev &&
          !prev.name &&
          isHead(prev) &&
          /^,\s+$/.test(all[0]!.gapBefore) &&
          gr.speechAfterRole.test(after)
        ) {
          const k = lowerCaseRoleStart(idx);
          role = spanText(ctx, sentenceTokens.slice(k, idx));
          isPerson = true;
        } else if (
          prev &&
          /^,\s+$/.test(all[0]!.gapBefore) &&
          ((prev.name && gr.speechAfterRole.test(after)) ||
            // "informou o comandante-geral da corporação, Artur Mendes.": in the other languages the
            // name may also close the sentence, or follow a lower-case complement.
            (ctx.gaz.language !== 'en' && (gr.speechAfterRole.test(after) || /^\s*\.(?:\s|$)/.test(after))))
        ) {
          // "The NDLEA Director of Media and Advocacy, Femi X, disclosed": a role with its complement.
          let k =
            prev.name && gr.speechAfterRole.test(after) ? roleBeforeComplement(sentenceTokens, idx) : -1;
          if (k < 0 && ctx.gaz.language !== 'en') {
            // "El portavoz de la Guardia Civil, Juan Pérez, ...", "De woordvoerder van het OM, Jan
            // van der Berg, ...", "o diretor da Unidade Nacional de Combate ao Tráfico de
            // Estupefacientes, X, ...": a role whose complement names an organisation, then the name.
            let h = idx - 1;
            while (h > 0 && idx - h < 14 && !(isHead(sentenceTokens[h]!) && !sentenceTokens[h]!.name)) h--;
            const head = sentenceTokens[h];
            const link = sentenceTokens[h + 1];
            if (
              head &&
              h < idx - 1 &&
              isHead(head) &&
              !head.name &&
              link &&
              gr.roleComplementLinks.has(link.text.toLowerCase()) &&
              !/[,.;:]/.test(ctx.text.slice(head.end, prev.end))
            )
              k = lowerCaseRoleStart(h + 1);
          }
          // "Segundo o porta-voz ...": the speech word and the article before the role are none of it.
          while (
            k >= 0 &&
            k < idx - 1 &&
            (functionWords.has(lower(sentenceTokens[k]!)) || gr.speechBefore.test(sentenceTokens[k]!.text))
          )
            k++;
          if (k >= 0) {
            role = spanText(ctx, sentenceTokens.slice(k, idx));
            isPerson = true;
          }
        }
      }
      // An apposition with a title after the name.
      // Dots of abbreviations ("U.S. Attorney") do not end an apposition.
      // The pattern opens with a comma: text after the name without one holds none (no replace).
      const app =
        after[0] !== ',' && gr.apposition.source.startsWith('^,')
          ? null
          : gr.apposition.exec(after.replace(/(?<=\b\p{Lu})\.(?=\p{Lu}\.|\s+\p{Lu})/gu, '\u2024'));
      /** Role words of an apposition, claimed once the person is taken. */
      let roleClaim: Token[] = [];
      if (app && !last.possessive) {
        const words = app[1]!.trim().split(/\s+/);
        const headAt = words.findIndex(
          (w, i) =>
            t.isHeadWord(w) ||
            (i > 0 && t.titleHeads.has(`${words[i - 1]!.toLowerCase()} ${w.toLowerCase()}`)),
        );
        // "Main Street, police spokesman Themba Nkosi said": a name right after the head is the
        // person of that role, and the run before the comma none.
        // "..., said Major General Bassam X": also after capitalised heads and modifiers.
        let headEnd = headAt;
        while (
          headEnd >= 0 &&
          headEnd + 1 < words.length &&
          (t.isHeadWord(words[headEnd + 1]!) || t.titleModifiers.has(words[headEnd + 1]!.toLowerCase()))
        )
          headEnd++;
        const nameAfterHead =
          (headAt >= 0 &&
            /^\p{Lu}/u.test(words[headEnd + 1] ?? '') &&
            !t.honorifics.has(words[headEnd + 1]!.toLowerCase())) ||
          gr.speechBefore.test(words[0] ?? '');
        const relation = words.length === 1 && t.relations.has(words[0]!.toLowerCase());
        if (words.length <= 16 && headAt >= 0 && headAt < 6 && !/^\d/.test(words[0]!) && !nameAfterHead) {
          if (nameTokens.length >= 2 || isPerson || nameTokens[0]!.tags.has('Person')) {
            const phrase = app[1]!.replace(/\u2024/g, '.');
            const roleStart = last.end + (last.possessive ? 2 : 0) + after.indexOf(phrase);
            const roleToks = sentenceTokens.filter(
              (tok) => tok.start >= roleStart && tok.end <= roleStart + phrase.length,
            );
            role ??= cleanRole(roleToks) ?? phrase.trim();
            // "Belgium's former interior minister": the country stays a place of the article;
            // so does the place after "in" ("the provincial spokesperson in Gauteng").
            const inAt = roleToks.findIndex((tok) => gr.rolePlaceLink.has(tok.text));
            roleClaim = roleToks.filter(
              (tok, k) =>
                !(tok.possessive && ctx.gaz.lookup(tok.text).some((e) => e.kind === 'country')) &&
                !(inAt >= 0 && k > inAt && tok.name),
            );
            isPerson = true;
          }
        } else if (relation) {
          // "Jane, wife of ..." is rare; relations are read before the name below.
        }
      }
      if (!isPerson) {
        const gapBefore = all[0]!.gapBefore;
        const prevTok = sentenceTokens[all[0]!.index - 1];
        const prev2 = sentenceTokens[all[0]!.index - 2];
        if (gr.age.test(after)) isPerson = true;
        // "X, a 34-year-old driver": a name of two words or more ("Fahrer, der 41-jährige" is none).
        else if (
          nameTokens.length >= 2 &&
          gr.ageApposition.test(after) &&
          !isPlaceName(nameTokens) &&
          !orgNames.includes(spanText(ctx, nameTokens))
        )
          isPerson = true;
        else if (prevTok && t.relations.has(lower(prevTok)) && /^,\s+$/.test(gapBefore)) {
          isPerson = true;
          role = prevTok.text;
        } else if (
          prevTok &&
          gr.identifyAs.has(lower(prevTok)) &&
          prev2 &&
          gr.identifyVerbs.test(ctx.text.slice(prev2.start - 20, prev2.end))
        )
          isPerson = true;
        else if (prevTok && gr.namingVerbs.test(prevTok.text) && /^\s+$/.test(gapBefore)) isPerson = true;
        else if (
          nameTokens.length >= 2 &&
          nameTokens.some((tok, k) => k > 0 && /^\s+$/.test(tok.gapBefore)) &&
          gr.objectCueBefore.test(ctx.text.slice(Math.max(0, all[0]!.start - 40), all[0]!.start)) &&
          !isPlaceName(nameTokens) &&
          !orgNames.includes(spanText(ctx, nameTokens))
        ) {
          // "jailed Connor Higgins", "condenó a Abdellah El Haddad", "der 52-jährige Kroate Ante Horvat":
          // a leading word the parser does not take for a name is the noun before it.
          isPerson = true;
          const [first, second] = nameTokens;
          const named = (tok: Token) => tok.tags.has('FirstName') || tok.tags.has('Person');
          if (nameTokens.length >= 3 && !named(first!) && named(second!)) nameTokens.shift();
        } else if (nameTokens.length >= 2 && nameTokens.length <= 4) {
          // ", alias el Mencho": a nickname after the name is as good as a speech verb.
          // "X BL, said", "X KC, told": after the letters that follow the name.
          const afterRun = ctx.text.slice(chunk.tokens.at(-1)!.end, chunk.tokens.at(-1)!.end + 200);
          const speechAfter = cachedRegExp(`^,?\\s+(?:${ctx.tables.speechVerbs.join('|')})\\b`, 'i');
          const speech =
            speechAfter.test(after) ||
            (chunk.tokens.length > all.length && speechAfter.test(afterRun)) ||
            gr.nicknameAfter.test(after) ||
            gr.personRelativeAfter.test(after);
          const saidBefore =
            prevTok !== undefined &&
            gr.speechBefore.test(prevTok.text) &&
            !(
              gr.speechBeforeTaggedName.test(prevTok.text) &&
              !nameTokens.some((tok) => ['FirstName', 'Person'].some((x) => tok.tags.has(x)))
            );
          const tagged =
            nameTokens[0]!.tags.has('FirstName') ||
            nameTokens.every(
              (tok) =>
                hyphenPart(tok) ||
                tok.tags.has('Person') ||
                tok.tags.has('LastName') ||
                tok.tags.has('FirstName') ||
                CONNECTORS.has(tok.text),
            );
          const nameText = spanText(ctx, nameTokens);
          // "Public Health said", "Enforcement Team": common words are no name however tagged.
          const commonOnly = nameTokens.every(
            (tok) =>
              isCommonWord(tok.text, EMPTY_TAGS, ctx.parser) &&
              !['FirstName', 'LastName', 'MaleName', 'FemaleName'].some((x) => tok.tags.has(x)),
          );
          // "off San Andres", "in Santa Cruz", "south of San Carlos": a run after a locative is a place the gazetteer lacks.
          const afterLocative =
            !speech &&
            !saidBefore &&
            (gr.locativeBeforeName.test(ctx.text.slice(Math.max(0, all[0]!.start - 24), all[0]!.start)) ||
              // "south of San Carlos": a bearing before a name makes it a place.
              gr.bearing.test(ctx.text.slice(Math.max(0, all[0]!.start - 20), all[0]!.start)));
          // "originaire de Saint-Jean-de-Luz", "Villanueva de la Serena": a run of two words or
          // more that the gazetteer knows as a town or region, with no first name the parser knows.
          const knownPlace =
            ctx.gaz.language !== 'en' &&
            !nameTokens[0]!.tags.has('FirstName') &&
            ctx.gaz.lookup(nameText).some((e) => e.kind === 'city' || e.kind === 'region');
          // "laut Lieferschein Orangen": where nouns are capitalised, a run holding a common word
          // that no name tag vouches for is no name.
          const commonNoun =
            ctx.gaz.language !== 'en' &&
            !nameTokens.some((tok) => ['FirstName', 'LastName', 'Person'].some((x) => tok.tags.has(x))) &&
            nameTokens.some((tok) => isCommonWord(tok.text, EMPTY_TAGS, ctx.parser));
          if (
            (speech || saidBefore || tagged) &&
            !commonOnly &&
            !knownPlace &&
            !commonNoun &&
            !afterLocative &&
            !isPlaceName(nameTokens) &&
            !orgNames.some((o) => o === nameText || o.startsWith(`${nameText} `))
          )
            isPerson = true;
        }
      }
      if (!isPerson) continue;
      if (isPlaceName(nameTokens) && (role === null || roleClaim.length > 0)) continue;
      // "Agnes Bay", "Ria Mirim", "la façade Atlantique": a place type where the language puts it
      // (the run's last word in English, its first elsewhere, or a lower-case noun right before it)
      // names a place, unless a title comes before the run or, in English, the gazetteer lacks it and
      // a first name the parser knows opens it ("Michael Bay said"), or an age follows ("Jane Lake, 41,").
      if (roleTokens.length === 0) {
        const typeTok = ctx.gaz.language === 'en' ? nameTokens.at(-1)! : nameTokens[0]!;
        const typed =
          nameTokens.length >= 2 &&
          gr.placeTypeWords.has(lower(typeTok)) &&
          (role === null || roleClaim.length > 0) &&
          !gr.age.test(after) &&
          (ctx.gaz.language !== 'en' ||
            ctx.gaz.lookup(spanText(ctx, nameTokens)).length > 0 ||
            !nameTokens[0]!.tags.has('FirstName'));
        const typeBefore = sentenceTokens[all[0]!.index - 1];
        if (typed) continue;
        if (
          typeBefore !== undefined &&
          !typeBefore.name &&
          /^\s+$/.test(all[0]!.gapBefore) &&
          gr.placeTypeWords.has(lower(typeBefore))
        ) {
          // "la façade Manche-Est": the feature's name whole, no town within it either.
          claim(ctx, all);
          continue;
        }
      }
      // "Queen Tonga wharf", "a Red Devils chapter", "four Brand-Name motorcycles": a noun of a
      // thing or a body right after the run, a title before it or not.
      if (!last.possessive && gr.thingAfter.test(after)) continue;
      if (
        role === null &&
        placeNounBefore?.test(ctx.text.slice(Math.max(0, all[0]!.start - 40), all[0]!.start))
      )
        continue;
      // "told the Old Bailey", "15 Jahre Haft": after an article or a number, no person.
      const tokBefore = sentenceTokens[all[0]!.index - 1];
      if (
        role === null &&
        roleTokens.length === 0 &&
        tokBefore &&
        /^\s+$/.test(all[0]!.gapBefore) &&
        (gr.leadingArticle.test(tokBefore.text) || /^\d/.test(tokBefore.text))
      )
        continue;
      // "conocida como la Reina de la Coca", "vulgo Baixinho": a nickname, no other person.
      if (
        ctx.gaz.language !== 'en' &&
        gr.nicknameBefore.test(ctx.text.slice(Math.max(0, all[0]!.start - 40), all[0]!.start))
      )
        continue;
      // "Comando | Territorial de Setúbal", "Fiscalía | Federal de Rosario": words right after an
      // organisation head go on its name (languages that put the head first).
      const beforeName = ctx.tokens[nameTokens[0]!.sentence]?.[nameTokens[0]!.index - 1];
      if (
        ctx.gaz.language !== 'en' &&
        role === null &&
        beforeName !== undefined &&
        isClaimed(ctx, beforeName) &&
        t.orgHeads.has(beforeName.text) &&
        /^\s+$/.test(nameTokens[0]!.gapBefore)
      )
        continue;
      // "the cutter James", "a company called Golden Harvest": the name of a thing.
      if (
        role === null &&
        gr.thingBefore.test(ctx.text.slice(Math.max(0, all[0]!.start - 40), all[0]!.start))
      )
        continue;
      // "Sri Lankan", "South African": a demonym of two words is no name.
      if (ctx.gaz.demonym(spanText(ctx, nameTokens)) !== null) continue;
      // "Al", "Com": one or two letters are no name.
      if (
        nameTokens.every((tok) => tok.text.replace(/\./g, '').length <= 2) &&
        !nameTokens.some((tok) => tok.text.endsWith('.'))
      )
        continue;
      // "tobacco branded Amber Leaf": a brand; so is a name before a product ("Louis Vuitton bags").
      if (gr.brandBefore.test(ctx.text.slice(Math.max(0, all[0]!.start - 14), all[0]!.start))) continue;
      if (role === null && !last.possessive && gr.brandAfter.test(after)) continue;
      // "known as la Reina de la Coca": a nickname, no person of its own.
      if (
        role === null &&
        gr.nicknameBefore.test(ctx.text.slice(Math.max(0, all[0]!.start - 30), all[0]!.start))
      )
        continue;
      // "Naval Base Captain X": a facility named after a person.
      if (
        roleTokens.length > 0 &&
        t.facilities.some((f) => f.prefix && spanText(ctx, roleTokens).startsWith(f.head))
      )
        continue;
      // "Kwai Chung Container Terminal": facility and street words make no name.
      if (
        nameTokens.some(
          (tok) => gr.notNameWords.has(lower(tok)) || t.facilities.some((f) => f.head === tok.text),
        )
      )
        continue;
      // "Jan 31", "May 2024": a month, not a name.
      if (nameTokens.length === 1 && /^\s*\d/.test(after)) continue;
      if (t.notPersonTokens.has(nameTokens[0]!.text)) continue;
      // "Innenminister Tobias von Arnim": a particle the chunks do not join continues the name
      // into the capitalised words after it, unless they are a known place or an organisation.
      const particle = last.possessive ? null : gr.personParticle.exec(after);
      // "Bürgermeisterin Anna Keller von Lörrach": after a full name, the link of the role's
      // complement (complement-after-full-name), not a particle of the surname.
      const complement =
        particle !== null &&
        nameTokens.length >= 2 &&
        gr.complementAfterFullName.has(particle[0].trim().split(/\s+/)[0]!.toLowerCase());
      if (particle && !complement) {
        const from = last.end + particle[0].length;
        const rest: Token[] = [];
        for (const tok of sentenceTokens.slice(last.index + 1)) {
          if (tok.start < from) continue;
          if (!nameWord(tok) || isClaimed(ctx, tok) || rest.length >= 2) break;
          if (rest.length > 0 && !/^\s+$/.test(tok.gapBefore)) break;
          rest.push(tok);
          if (tok.possessive) break;
        }
        // "Bürgermeister Klaus Berger von Passau": after a role, a town of any size is its complement.
        const roleTown =
          role !== null &&
          rest.length > 0 &&
          nameTokens.filter((tok) => nameWord(tok)).length >= 2 &&
          gr.roleTownLinks.has(particle[1]!) &&
          roleTownOf(rest);
        if (rest.length > 0 && !isPlaceName(rest) && !roleTown && !t.orgHeads.has(rest[0]!.text)) {
          const between = sentenceTokens.filter((tok) => tok.start > last.start && tok.start < from);
          nameTokens.push(...between, ...rest);
          claim(ctx, [...between, ...rest]);
        }
      }
      let name = spanText(ctx, nameTokens);
      const suffixEnd = suffixToks.at(-1)?.end ?? -1;
      if (
        suffixToks.length > 0 &&
        nameTokens.length >= 2 &&
        nameTokens.at(-1) === all.at(-1) &&
        /^,?\s+$/.test(ctx.text.slice(nameTokens.at(-1)!.end, suffixToks[0]!.start))
      ) {
        name = ctx.text.slice(nameTokens[0]!.start, ctx.text[suffixEnd] === '.' ? suffixEnd + 1 : suffixEnd);
        nameTokens.push(...suffixToks);
        claim(ctx, suffixToks);
      }
      // "La contraalmirante X", "Segundo o diretor ...": the article or speech word that opens the
      // sentence is no part of the role (other languages; English roles keep their form).
      if (role !== null && ctx.gaz.language !== 'en')
        role = trimRoleStart(role, functionWords, gr.speechBefore);
      // "Crystal Meth", "Purple Haze": a drug's name.
      if (ctx.isDrugName(name)) continue;
      found.push({ name, role, tokens: nameTokens });
      claim(ctx, role !== null || roleTokens.every(isHonorific) ? all : nameTokens);
      claim(ctx, roleClaim);
    }
  }
  // "Two fishermen, Sione Havili and Tomasi Fifita, were jailed", "the men who steered the boat,
  // X and Y, were given": two names of two to four words joined by "and", set off by commas
  // between a lower-case word and a lower-case word (a noun phrase and its verb), are persons.
  for (let s = 0; s < ctx.chunks.length; s++) {
    if (ctx.creditSentences.has(s)) continue;
    const chunks = ctx.chunks[s]!;
    const sentenceTokens = ctx.tokens[s]!;
    const fullName = (c: Chunk) => {
      const words = c.tokens.filter((tok) => !CONNECTORS.has(tok.text));
      return (
        words.length >= 2 &&
        words.length <= 4 &&
        c.tokens.every((tok) => (nameWord(tok) || CONNECTORS.has(tok.text)) && !isClaimed(ctx, tok)) &&
        !c.tokens.some(
          (tok) => gr.notNameWords.has(lower(tok)) || t.facilities.some((f) => f.head === tok.text),
        ) &&
        !isPlaceName(c.tokens) &&
        ctx.gaz.lookup(c.text).length === 0 &&
        !orgNames.some((o) => o === c.text || o.includes(c.text)) &&
        !ctx.isDrugName(c.text)
      );
    };
    for (let i = 0; i + 1 < chunks.length; i++) {
      const [a, b] = [chunks[i]!, chunks[i + 1]!];
      const prev = sentenceTokens[a.tokens[0]!.index - 1];
      if (!prev || prev.name || !/^\p{Ll}+$/u.test(prev.text) || !/^,\s+$/.test(a.tokens[0]!.gapBefore))
        continue;
      if (!gr.personAnd.test(ctx.text.slice(a.end, b.start))) continue;
      if (!/^,\s+\p{Ll}/u.test(ctx.text.slice(b.end, b.end + 40))) continue;
      if (!fullName(a) || !fullName(b)) continue;
      for (const c of [a, b]) {
        found.push({ name: c.text, role: null, tokens: c.tokens });
        claim(ctx, c.tokens);
      }
    }
  }
  // "Thabo Nkosi and Pieter van der Merwe", "Kim Min-jun and Lee Seo-yeon": a name of two to
  // four words joined by "and" to a person found is a person too.
  const foundAt = new Set(found.flatMap((f) => f.tokens.map((tok) => tok.start)));
  for (let s = 0; s < ctx.chunks.length; s++) {
    if (ctx.creditSentences.has(s)) continue;
    const chunks = ctx.chunks[s]!;
    for (let i = 0; i < chunks.length; i++) {
      const c = chunks[i]!;
      if (c.tokens.some((tok) => isClaimed(ctx, tok))) continue;
      const words = c.tokens.filter((tok) => !CONNECTORS.has(tok.text));
      if (
        words.length < 2 ||
        words.length > 4 ||
        !c.tokens.every((tok) => nameWord(tok) || CONNECTORS.has(tok.text))
      )
        continue;
      const linked = [chunks[i - 1], chunks[i + 1]].some(
        (o) =>
          o?.tokens.some((tok) => foundAt.has(tok.start)) &&
          gr.personAnd.test(
            o.end <= c.start ? ctx.text.slice(o.end, c.start) : ctx.text.slice(c.end, o.start),
          ),
      );
      if (!linked || isPlaceName(c.tokens) || orgNames.some((o) => o === c.text)) continue;
      if (ctx.gaz.lookup(c.text).length > 0) continue;
      found.push({ name: c.text, role: null, tokens: c.tokens });
      claim(ctx, c.tokens);
    }
  }
  // "Karim Benali, Sofiane Haddad et Nicolas Ferrand ont été condamnés": runs of two to four
  // name words listed with a person (", ", "and") are persons too.
  for (let s = 0; s < ctx.chunks.length; s++) {
    if (ctx.creditSentences.has(s)) continue;
    const chunks = ctx.chunks[s]!;
    const isFound = (c: Chunk) => found.some((f) => f.tokens.some((tok) => c.tokens.includes(tok)));
    const listed = (c: Chunk) =>
      c.tokens.length >= 2 &&
      c.tokens.length <= 6 &&
      c.tokens.every(
        (tok) =>
          (nameWord(tok) || CONNECTORS.has(tok.text)) &&
          !isClaimed(ctx, tok) &&
          !gr.notNameWords.has(lower(tok)) &&
          !t.facilities.some((f) => f.head === tok.text),
      ) &&
      c.tokens.filter((tok) => nameWord(tok)).length >= 2 &&
      !isPlaceName(c.tokens) &&
      !orgNames.includes(c.text) &&
      !ctx.isDrugName(c.text);
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < chunks.length; i++) {
        if (!isFound(chunks[i]!)) continue;
        for (const j of [i - 1, i + 1]) {
          const c = chunks[j];
          if (!c || isFound(c) || !listed(c)) continue;
          const [a, b] = j < i ? [c, chunks[i]!] : [chunks[i]!, c];
          const link = ctx.text.slice(a.end, b.start);
          // Before a person only with "and" ("X and Y"): a bare comma there sets off its role.
          if (!gr.nameListLink.test(link) || (j < i && /^,\s*$/.test(link))) continue;
          found.push({ name: c.text, role: null, tokens: c.tokens });
          claim(ctx, c.tokens);
        }
      }
  }
  return mergePersons(ctx, found);
}

/** A role without the articles and speech words before its first word. */
function trimRoleStart(role: string, functionWords: ReadonlySet<string>, speech: RegExp): string {
  const words = role.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && (functionWords.has(words[i]!.toLowerCase()) || speech.test(words[i]!))) i++;
  return words.slice(i).join(' ');
}

function isCommonFunction(tok: Token): boolean {
  return (
    ['Determiner', 'Verb', 'Preposition', 'Conjunction', 'Pronoun', 'Value'].some((x) => tok.tags.has(x)) ||
    /\d/.test(tok.text)
  );
}

/** One entry per person: short mentions ("De Wever") join the full name that ends with them. */
/**
 * "Md. Abdul Karim" and "M Abdul Karim": the same words after a first name that one of them
 * abbreviates (the same initial, one of the two a single letter or ending in a dot).
 */
function sameButInitial(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  if (a.slice(1).join(' ') !== b.slice(1).join(' ')) return false;
  const [x, y] = [a[0]!, b[0]!];
  if (x === y || x[0]!.toLowerCase() !== y[0]!.toLowerCase()) return false;
  const short = (w: string) => w.length === 1 || w.endsWith('.');
  return short(x) || short(y);
}

function mergePersons(ctx: EntityContext, found: Found[]): Person[] {
  const full = found.filter((f) => f.tokens.length >= 2);
  const people: Array<Person & { words: string[] }> = [];
  const suffixes = ctx.tables.nameSuffixes;
  const add = (f: Found) => {
    // "Marco Reyes Jr." is "Reyes" later: the generational suffix is left out of the matching.
    const words = f.name.split(/\s+/);
    while (words.length > 2 && suffixes.has(words[words.length - 1]!.replace(/,$/, ''))) words.pop();
    if (words.length > 1) words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
    const same = people.find(
      (p) =>
        p.name === f.name ||
        (words.length < p.words.length &&
          (p.words.slice(-words.length).join(' ') === f.name ||
            // "Aziz Rahman" after "Aziz Rahman Abdul Latif": names whose later words are the
            // father's name are shortened to the given names (two words at least).
            (words.length >= 2 && p.words.slice(0, words.length).join(' ') === f.name) ||
            // "Zu Eltz sagte": the particle capitalised at a sentence start.
            (ctx.tables.grammar.connectors.has(words[0]!.toLowerCase()) &&
              p.words.slice(-words.length).join(' ').toLowerCase() === f.name.toLowerCase()))) ||
        sameButInitial(p.words, words),
    );
    if (same) {
      same.role ??= f.role;
      return;
    }
    people.push({ name: f.name, role: f.role, words });
  };
  for (const f of full) add(f);
  for (const f of found) if (f.tokens.length < 2) add(f);
  // Claim later surname-only mentions so they are not read as places ("Douglas told ...").
  const connectors = ctx.tables.grammar.connectors;
  // "Del Valle añadió", "Von Hohenberg schwieg": the surname with its particle, capitalised at a
  // sentence start, is the surname too.
  const surnames = new Set(
    people.flatMap((p) => [
      p.words[p.words.length - 1]!,
      p.words.slice(1).join(' '),
      ...p.words.flatMap((w, k) =>
        k > 0 && connectors.has(w.toLowerCase()) ? [p.words.slice(k).join(' ')] : [],
      ),
    ]),
  );
  const surnameKeys = new Set([...surnames].map((w) => w.toLowerCase()));
  // "in Santos" after "Carlos dos Santos": a known place after a locative stays a place.
  const locative = ctx.tables.grammar.locativeBeforeName;
  for (const chunks of ctx.chunks)
    for (const c of chunks) {
      const particleStart = c.tokens.length > 1 && connectors.has(c.tokens[0]!.text.toLowerCase());
      if (
        !surnames.has(c.text) &&
        !(particleStart && surnameKeys.has(c.text.toLowerCase())) &&
        !people.some((p) => p.name === c.text)
      )
        continue;
      // The particle before it, written as the sentence's first word ("Del Valle", "Dos Reis").
      const prev = ctx.tokens[c.sentence]?.[c.tokens[0]!.index - 1];
      const ownParticle =
        prev !== undefined &&
        prev.index === 0 &&
        /^\s+$/.test(c.tokens[0]!.gapBefore) &&
        surnameKeys.has(`${prev.text} ${c.text}`.toLowerCase());
      if (
        surnames.has(c.text) &&
        !ownParticle &&
        (locative.test(ctx.text.slice(Math.max(0, c.start - 12), c.start)) ||
          // "ao porto de Salvador": a port cue too.
          ctx.tables.grammar.portOfBefore.test(ctx.text.slice(Math.max(0, c.start - 40), c.start))) &&
        ctx.gaz.lookup(c.text).length > 0
      )
        continue;
      claim(ctx, c.tokens);
    }
  return people.map(({ name, role }) => ({ name, role }));
}
