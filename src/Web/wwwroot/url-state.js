// What the page shows lives in its address: ?q=…&folder=…&minDuration=…&maxDuration=…&modifiedAfter=…
// &modifiedBefore=…&similar=<clip id>&page=N. Dates are the days the filter form shows (yyyy-mm-dd); the API gets
// instants (the start of the day, and the end of the "to" day, in the reader's time zone).

export const FILTER_KEYS = ['folder', 'minDuration', 'maxDuration', 'modifiedAfter', 'modifiedBefore'];

/** The view an address describes. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const state = { q: (params.get('q') || '').trim(), similar: '', example: params.has('example'), page: 1 };
  const similar = params.get('similar') || '';
  if (/^\d+$/.test(similar)) state.similar = similar;
  const page = Number.parseInt(params.get('page') || '1', 10);
  state.page = Number.isFinite(page) && page > 1 ? page : 1;
  for (const key of FILTER_KEYS) state[key] = (params.get(key) || '').trim();
  return state;
}

/** The address (query string, with its '?') of a view; empty values are left out. */
export function toSearch(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.similar) params.set('similar', state.similar);
  if (state.example) params.set('example', '1');
  for (const key of FILTER_KEYS) if (state[key]) params.set(key, state[key]);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? '?' + text : location.pathname;
}

/** The filters as the API's query parameters. */
export function filterParams(state) {
  const params = new URLSearchParams();
  if (state.folder) params.set('folder', state.folder);
  if (state.minDuration) params.set('minDuration', state.minDuration);
  if (state.maxDuration) params.set('maxDuration', state.maxDuration);
  const after = dayStart(state.modifiedAfter, 0);
  if (after) params.set('modifiedAfter', after);
  // "to" includes the whole day: before the start of the next one.
  const before = dayStart(state.modifiedBefore, 1);
  if (before) params.set('modifiedBefore', before);
  return params;
}

export function activeFilterCount(state) {
  return FILTER_KEYS.filter((key) => state[key]).length;
}

/** The instant a local day (yyyy-mm-dd) starts, `plusDays` later, as ISO 8601; the value itself when it is not a day. */
function dayStart(value, plusDays) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  if (!match) return value || '';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
