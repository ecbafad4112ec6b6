// VideoSearch page: text search, more like this and search by example shown as moments; the library view when
// there is no query; filters; the view in the address (bookmarks, Back and Forward). Plain modules, no build step.
import { api, postFile } from './api.js';
import { libraryCard, resultCard } from './cards.js';
import { exampleProblem, wireExampleInput } from './example.js';
import { plural, range } from './format.js';
import { loadFolders, onFiltersChange, showFilters } from './filters.js';
import { wireKeyboard } from './keyboard.js';
import { closePlayer, isPlayerOpen, playVideo } from './player-bridge.js';
import { pollStatus } from './status.js';
import { activeFilterCount, FILTER_KEYS, filterParams, readState, toSearch } from './url-state.js';

const $ = (id) => document.getElementById(id);
const els = {
  form: $('search-form'), query: $('query'), message: $('message'), results: $('results'), title: $('view-title'),
  banner: $('match-banner'), pager: $('pager'), previous: $('page-previous'), next: $('page-next'), pageLabel: $('page-label'),
};
const RESULTS_PER_PAGE = 12;
const SIMILAR_TOP = 24;
const LIBRARY_PER_PAGE = 12;

let current = readState('');
let runSeq = 0;
let running = null;
// Files searched by example this session, by the key their history entries carry: Back and Forward can repeat
// them, a reload cannot (the file is not kept anywhere).
const examples = new Map();
let exampleSeq = 0;

function showMessage(text, isError) {
  els.message.textContent = text;
  els.message.classList.toggle('error', !!isError);
}

function filtersOf(state) {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, state[key] || '']));
}

/** Shows `next` and records it in the history (a new entry, or the current one replaced). */
function navigate(next, push = true) {
  const entry = { exampleKey: next.exampleKey || null, label: next.label || null, similarUrl: next.similarUrl || null };
  if (push) history.pushState(entry, '', toSearch(next));
  else history.replaceState(entry, '', toSearch(next) + location.hash);
  run(next);
}

/** The view the address and history entry describe. */
function stateFromLocation() {
  const state = readState(location.search);
  const entry = history.state || {};
  return { ...state, exampleKey: entry.exampleKey || null, label: entry.label || null, similarUrl: entry.similarUrl || null };
}

async function run(state) {
  current = state;
  els.query.value = state.q;
  showFilters(state);
  const seq = ++runSeq;
  if (running) running.abort();
  running = new AbortController();
  const signal = running.signal;
  els.banner.hidden = true;
  els.pager.hidden = true;
  els.results.setAttribute('aria-busy', 'true');
  try {
    if (state.example) await runExample(state, signal, seq);
    else if (state.similar) await runSimilar(state, signal, seq);
    else if (state.q) await runText(state, signal, seq);
    else await runLibrary(state, signal, seq);
  } catch (err) {
    if (seq !== runSeq || signal.aborted) return;
    els.results.replaceChildren();
    showMessage(err.message, true);
  } finally {
    if (seq === runSeq) els.results.removeAttribute('aria-busy');
  }
}

async function runText(state, signal, seq) {
  els.title.textContent = `Moments matching “${state.q}”`;
  showMessage('Searching…');
  const params = filterParams(state);
  params.set('q', state.q);
  params.set('top', String(RESULTS_PER_PAGE));
  params.set('offset', String((state.page - 1) * RESULTS_PER_PAGE));
  const page = await api('/api/search?' + params, signal);
  if (seq !== runSeq) return;
  const truncated = page.queryTruncated ? ' (query shortened to what the model reads)' : '';
  showResults(page, `“${page.query}”`, `Nothing in your library matches “${page.query}” well — these are the closest moments.`,
    `${plural(page.totalVideos, 'video')} match “${page.query}”${truncated}.`);
  showPager(state.page, page.totalVideos, RESULTS_PER_PAGE);
}

async function runSimilar(state, signal, seq) {
  const what = state.label || `clip ${state.similar}`;
  els.title.textContent = `Moments like ${what}`;
  showMessage('Searching…');
  const params = filterParams(state);
  params.set('top', String(SIMILAR_TOP));
  const page = await api((state.similarUrl || `/api/clips/${state.similar}/similar`) + '?' + params, signal);
  if (seq !== runSeq) return;
  showResults(page, what, `Nothing in your library looks much like ${what} — these are the closest moments.`,
    `${plural(page.totalVideos, 'video')} with moments like ${what}.`);
}

async function runExample(state, signal, seq) {
  const example = examples.get(state.exampleKey);
  if (!example) {
    els.title.textContent = 'Search by example';
    els.results.replaceChildren();
    showMessage('A search by example is not kept in the address: choose or drop the file again to repeat it.');
    return;
  }
  const what = `“${example.file.name}”`;
  els.title.textContent = `Moments like ${what}`;
  showMessage(`Looking for moments like ${what}…`);
  const params = filterParams(state);
  params.set('top', String(SIMILAR_TOP));
  const page = await postFile('/api/search/example?' + params, example.file, signal);
  if (seq !== runSeq) return;
  showResults(page, what, `Nothing in your library looks much like ${what} — these are the closest moments.`,
    `${plural(page.totalVideos, 'video')} with moments like ${what}.`);
}

async function runLibrary(state, signal, seq) {
  const filtered = activeFilterCount(state) > 0;
  els.title.textContent = filtered ? 'Videos' : 'Recent videos';
  showMessage('Loading the library…');
  const params = filterParams(state);
  params.set('offset', String((state.page - 1) * LIBRARY_PER_PAGE));
  params.set('limit', String(LIBRARY_PER_PAGE));
  const page = await api('/api/videos?' + params, signal);
  if (seq !== runSeq) return;
  els.results.replaceChildren(...page.videos.map((video) => libraryCard(video, actions)));
  if (page.total === 0) showMessage(filtered ? 'No videos match these filters.' : 'No videos are indexed yet.');
  else showMessage(`${plural(page.total, 'video')}${filtered ? ' match these filters' : ' in the library'}, newest first. ` +
    'Type what you remember seeing to search them.');
  showPager(state.page, page.total, LIBRARY_PER_PAGE);
}

/** Cards for a search answer, an honest banner when its best match is weak, and a summary line. */
function showResults(page, what, weakText, summary) {
  els.results.replaceChildren(...page.videos.map((video) => resultCard(video, actions)));
  const best = String(page.bestMatch || '').toLowerCase();
  if (page.videos.length === 0 || best === 'none') {
    showMessage(`No videos match ${what}${activeFilterCount(current) ? ' with these filters' : ''}.`);
    return;
  }
  els.banner.textContent = weakText;
  els.banner.hidden = best !== 'weak';
  showMessage(summary);
}

function showPager(pageNumber, total, perPage) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  els.pager.hidden = pages <= 1 && pageNumber <= 1;
  els.pageLabel.textContent = `Page ${pageNumber} of ${pages}`;
  els.previous.disabled = pageNumber <= 1;
  els.next.disabled = pageNumber >= pages;
}

function goToPage(pageNumber) {
  navigate({ ...current, page: pageNumber });
  window.scrollTo({ top: 0 });
}

const actions = {
  play: (video, start) => playVideo(video, start),
  moreLikeThis: (video, moment) => navigate({
    ...filtersOf(current), q: '', similar: String(moment.peakClipId), similarUrl: moment.similarUrl, page: 1,
    label: `${range(moment.startSeconds, moment.endSeconds)} of ${video.fileName}`,
  }),
};

function searchByExample(file) {
  const problem = exampleProblem(file);
  if (problem) {
    showMessage(problem, true);
    return;
  }
  const key = ++exampleSeq;
  examples.set(key, { file });
  navigate({ ...filtersOf(current), q: '', similar: '', example: true, exampleKey: key, page: 1 });
}

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  navigate({ ...filtersOf(current), q: els.query.value.trim(), similar: '', example: false, page: 1 });
});
onFiltersChange((filters) => navigate({ ...current, ...filters, page: 1 }));
els.previous.addEventListener('click', () => goToPage(current.page - 1));
els.next.addEventListener('click', () => goToPage(current.page + 1));
$('home-link').addEventListener('click', (e) => {
  e.preventDefault();
  navigate({ ...readState(''), page: 1 });
});
window.addEventListener('popstate', () => run(stateFromLocation()));
wireExampleInput(searchByExample);
wireKeyboard({ query: els.query, isPlayerOpen, closePlayer });

loadFolders().catch(() => { /* the status panel explains a server that cannot be reached */ });
pollStatus();
navigate(stateFromLocation(), false);
if (!current.q && window.matchMedia('(pointer: fine)').matches) els.query.focus();
