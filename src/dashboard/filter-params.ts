/**
 * The filter parameters every dashboard data endpoint takes, in the order the page writes them
 * to its URL. No imports: the browser bundle uses this list too (ui/src/state.ts).
 */
export const FILTER_PARAMS = [
  'q',
  'drug',
  'country',
  'minKg',
  'kind',
  'place',
  'since',
  'until',
  'lang',
  'source',
  'seizureStories',
] as const;
