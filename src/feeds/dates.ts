/**
 * Feed dates: a correct date or none, never a wrong one. `Date.parse` guesses at strings it does
 * not know (and some engines read "Seg, 24 Set 2018" as something else), so only two shapes are
 * read, strictly:
 *   - ISO 8601 / W3CDTF (`dc:date`, Atom): with a zone -> that instant; without a zone -> the
 *     calendar date only (the time of day is unknowable);
 *   - RFC 822/1123 (`pubDate`), with month and weekday names in English and the languages of
 *     the feeds we read (pt, es, fr, de, it, nl), and a numeric or well-known zone.
 * Anything else, an impossible date, or an unknown zone gives null.
 */

/** Month names and abbreviations (lower case, no trailing dot) -> month index 0-11. */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  [
    'jan',
    'january',
    'janeiro',
    'enero',
    'ene',
    'janvier',
    'janv',
    'januar',
    'jän',
    'jänner',
    'gennaio',
    'gen',
    'januari',
  ],
  [
    'feb',
    'february',
    'fev',
    'fevereiro',
    'febrero',
    'février',
    'févr',
    'fevr',
    'februar',
    'febbraio',
    'februari',
  ],
  ['mar', 'march', 'março', 'marco', 'marzo', 'mars', 'mär', 'märz', 'mrz', 'maerz', 'mrt', 'maart'],
  ['apr', 'april', 'abr', 'abril', 'avril', 'avr', 'aprile'],
  ['may', 'mai', 'maio', 'mayo', 'maggio', 'mag', 'mei'],
  ['jun', 'june', 'junho', 'junio', 'juin', 'juni', 'giugno', 'giu'],
  ['jul', 'july', 'julho', 'julio', 'juillet', 'juil', 'juli', 'luglio', 'lug'],
  ['aug', 'august', 'ago', 'agosto', 'août', 'aout', 'augustus'],
  ['sep', 'sept', 'september', 'set', 'setembro', 'septiembre', 'septembre', 'settembre'],
  ['oct', 'october', 'out', 'outubro', 'octubre', 'octobre', 'okt', 'oktober', 'ottobre', 'ott'],
  ['nov', 'november', 'novembro', 'noviembre', 'novembre'],
  ['dec', 'december', 'dez', 'dezembro', 'dic', 'diciembre', 'décembre', 'déc', 'dezember', 'dicembre'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const n of names) MONTHS[n] = i;
});

/** Named zones (RFC 822 plus common ones) -> minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  wet: 0,
  west: 60,
  ist: 330,
  jst: 540,
  aest: 600,
  aedt: 660,
  brt: -180,
};

function validDay(y: number, m: number, d: number): boolean {
  if (m < 0 || m > 11 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}

function zoneMinutes(zone: string): number | null {
  const z = zone.trim();
  const num = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$/i.exec(z);
  if (num) {
    const h = Number(num[2]);
    const m = Number(num[3]);
    if (h > 14 || m > 59) return null;
    return (num[1] === '-' ? -1 : 1) * (h * 60 + m);
  }
  const named = ZONES[z.toLowerCase()];
  return named === undefined ? null : named;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function instant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offset: number,
) {
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  const date = new Date(t);
  return Number.isNaN(t) || y < 1970 || y > 2200 ? null : date.toISOString();
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 =
  /^(?:[^\d\s,]+\.?,?\s*)?(\d{1,2})\s+([^\d\s.]+)\.?\s+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2}))?)?$/;

/** `Sat, Dec 16 2023 02:02:33 PM [zone]`: month before day; without a zone only the date is kept. */
const US_STYLE =
  /^(?:[^\d\s,]+\.?,?\s*)?([^\d\s.,]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?(?:\s*([A-Za-z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2}))?)?$/;

/** Read a feed date strictly (see the module comment). Returns ISO 8601 or null. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*\([^()]*\)$/, '');
  if (s.length > 64) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const y = Number(iso[1]);
    const mo = Number(iso[2]) - 1;
    const d = Number(iso[3]);
    if (!validDay(y, mo, d)) return null;
    if (iso[4] === undefined) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    if (!iso[8]) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const offset = zoneMinutes(iso[8]);
    if (offset === null) return null;
    const ms = iso[7] ? Number(iso[7].slice(0, 3).padEnd(3, '0')) : 0;
    return instant(y, mo, d, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0), ms, offset);
  }
  const rfc = RFC822.exec(s);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    if (month === undefined) return null;
    let y = Number(rfc[3]);
    if (rfc[3]!.length === 2) y += y < 50 ? 2000 : 1900;
    const d = Number(rfc[1]);
    if (rfc[4] === undefined)
      return validDay(y, month, d) ? `${pad(y, 4)}-${pad(month + 1)}-${pad(d)}` : null;
    if (!rfc[7]) {
      // No zone: the calendar date is known, the instant is not.
      return validDay(y, month, d) ? `${pad(y, 4)}-${pad(month + 1)}-${pad(d)}` : null;
    }
    const offset = zoneMinutes(rfc[7]);
    if (offset === null) return null;
    return instant(y, month, d, Number(rfc[4]), Number(rfc[5]), Number(rfc[6] ?? 0), 0, offset);
  }
  const us = US_STYLE.exec(s);
  if (us) {
    const month = MONTHS[us[1]!.toLowerCase()];
    if (month === undefined) return null;
    const y = Number(us[3]);
    const d = Number(us[2]);
    if (!validDay(y, month, d)) return null;
    if (us[4] === undefined || !us[8]) return `${pad(y, 4)}-${pad(month + 1)}-${pad(d)}`;
    const offset = zoneMinutes(us[8]);
    if (offset === null) return null;
    let h = Number(us[4]);
    if (us[7]) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (us[7].toLowerCase() === 'pm' ? 12 : 0);
    }
    return instant(y, month, d, h, Number(us[5]), Number(us[6] ?? 0), 0, offset);
  }
  return null;
}
