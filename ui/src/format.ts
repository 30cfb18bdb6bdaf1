/** How figures, dates, places and drugs read on the page, and each drug's colour. */

/** One colour per drug; close drugs in close hues, every one with 3:1 contrast on the light map. */
export const DRUG_COLOURS: Record<string, string> = {
  cocaine: '#1d5fd1',
  crack: '#1e3a8a',
  heroin: '#7e22ce',
  opium: '#a21caf',
  morphine: '#9d4edd',
  fentanyl: '#c81e1e',
  methamphetamine: '#d9480f',
  amphetamine: '#b7791f',
  mdma: '#d6336c',
  cannabis: '#2b8a3e',
  hashish: '#5c940d',
  khat: '#2f6b2f',
  ketamine: '#0b7285',
  captagon: '#8b4513',
  tramadol: '#087f5b',
  lsd: '#6741d9',
  ghb: '#1971c2',
  precursors: '#495057',
  nps: '#a61e4d',
  unspecified: '#6b7280',
};

export function drugColour(drug: string): string {
  return DRUG_COLOURS[drug] ?? '#6b7280';
}

export function drugName(drug: string): string {
  if (drug === 'mdma') return 'MDMA';
  if (drug === 'lsd') return 'LSD';
  if (drug === 'ghb') return 'GHB';
  if (drug === 'nps') return 'new psychoactive substances';
  if (drug === 'unspecified') return 'drugs (unspecified)';
  return drug;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function countryName(code: string | null): string {
  if (!code) return '';
  if (code === 'EU') return 'Europe / EU';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const num = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatNumber(n: number): string {
  return num.format(n);
}

export function formatCount(n: number): string {
  return int.format(n);
}

/** 116000 -> "116 t", 250 -> "250 kg", 0.5 -> "500 g". */
export function formatKg(kg: number): string {
  if (kg >= 1000) return `${num.format(kg / 1000)} t`;
  if (kg >= 1 || kg === 0) return `${num.format(kg)} kg`;
  return `${num.format(kg * 1000)} g`;
}

/** A figure as written: "116 t", "1.2 million tablets". */
export function formatAmount(value: number, unit: string): string {
  const u = unit.replace('_', ' ');
  if (value >= 1_000_000 && !['t', 'kg', 'g', 'mg', 'lb', 'oz', 'short ton'].includes(u)) {
    return `${num.format(value / 1_000_000)} million ${u}`;
  }
  return `${num.format(value)} ${u}`;
}

const dateFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFmt = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

export function formatDate(iso: string | null): string {
  if (!iso) return 'undated';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateFmt.format(ms);
}

export function formatMonth(ms: number): string {
  return monthFmt.format(ms);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${dateTimeFmt.format(ms)} UTC`;
}

export function placeLabel(location: string | null, country: string | null): string {
  if (location && country && location !== countryName(country)) return `${location} (${country})`;
  return location ?? countryName(country) ?? '';
}

export function confidenceLabel(c: number | null | undefined): string | null {
  return typeof c === 'number' ? `${Math.round(c * 100)}%` : null;
}

/** "2025-09-10" for a date input from an ISO value. */
export function dayOf(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
