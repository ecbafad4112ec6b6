// The filter form: folder (from GET /api/folders), length and modification dates. It shows the filters of the
// current view and reports each change, so the page can run the view again with them (and put them in the address).
import { api } from './api.js';
import { el } from './format.js';
import { activeFilterCount, FILTER_KEYS } from './url-state.js';

const $ = (id) => document.getElementById(id);
const fields = {
  folder: $('filter-folder'), minDuration: $('filter-min-duration'), maxDuration: $('filter-max-duration'),
  modifiedAfter: $('filter-modified-after'), modifiedBefore: $('filter-modified-before'),
};

/** Loads the folder list once; a folder named in the address but no longer indexed still shows as chosen. */
export async function loadFolders() {
  const folders = await api('/api/folders');
  const options = folders.map((folder) => {
    const option = el('option', undefined, folder);
    option.value = folder;
    return option;
  });
  const all = el('option', undefined, 'All folders');
  all.value = '';
  const chosen = fields.folder.value;
  fields.folder.replaceChildren(all, ...options);
  setFolder(chosen);
}

function setFolder(value) {
  if (value && ![...fields.folder.options].some((o) => o.value === value)) {
    const option = el('option', undefined, value);
    option.value = value;
    fields.folder.append(option);
  }
  fields.folder.value = value;
}

/** Shows the filters of `state` in the form. */
export function showFilters(state) {
  setFolder(state.folder || '');
  for (const key of FILTER_KEYS) if (key !== 'folder') fields[key].value = state[key] || '';
  const count = activeFilterCount(state);
  $('filters-summary').textContent = count ? `Filters (${count})` : 'Filters';
}

/** The filters the form holds now. */
export function readFilters() {
  const filters = {};
  for (const key of FILTER_KEYS) filters[key] = fields[key].value.trim();
  return filters;
}

/** Calls `onChange(filters)` when a filter changes or the form is cleared. */
export function onFiltersChange(onChange) {
  $('filter-form').addEventListener('change', () => onChange(readFilters()));
  $('filter-form').addEventListener('submit', (e) => { e.preventDefault(); onChange(readFilters()); });
  $('filter-clear').addEventListener('click', () => {
    for (const key of FILTER_KEYS) fields[key].value = '';
    onChange(readFilters());
  });
}
