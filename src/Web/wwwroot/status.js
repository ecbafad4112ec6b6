// The indexing panel: state, progress, rate, current file and the files that failed, polled every 2 s.
import { api } from './api.js';
import { clock, el, plural } from './format.js';

const STATUS_INTERVAL_MS = 2000;
const $ = (id) => document.getElementById(id);

function render(s) {
  $('index-state').textContent = s.state + (s.state === 'Indexing' || s.state === 'Scanning' ? '…' : '');
  $('index-progress-bar').style.width = s.percent + '%';
  $('index-progress').setAttribute('aria-valuenow', String(Math.round(s.percent)));
  $('index-counts').textContent = `${s.filesDone} / ${s.filesTotal} files · ${s.clipsIndexed} clips`;
  const eta = s.etaSeconds != null ? ` · about ${clock(s.etaSeconds)} left` : '';
  $('index-rate').textContent = s.clipsPerSecond > 0 ? `${s.clipsPerSecond.toFixed(1)} clips/s${eta}` : '';
  $('index-current').textContent = s.currentFile ? 'now: ' + s.currentFile : '';
  $('index-message').hidden = !s.message;
  $('index-message').textContent = s.message || '';
  // Once the library is indexed the panel shrinks to one line, leaving the screen to the results.
  $('indexing').classList.toggle('settled', (s.state === 'Watching' || s.state === 'Completed') && s.errors.length === 0);

  $('index-errors').hidden = s.errors.length === 0;
  $('index-errors-summary').textContent = `${plural(s.errors.length, 'file')} could not be indexed`;
  const items = s.errors.map((e) => {
    const li = el('li', 'index-error');
    li.title = e.relativePath;
    li.append(el('span', 'error-file', e.relativePath), document.createTextNode(' — '),
      el('span', 'error-kind', e.kind), document.createTextNode(': ' + e.message));
    return li;
  });
  $('index-error-list').replaceChildren(...items);
}

export async function pollStatus() {
  try {
    render(await api('/api/status'));
  } catch (err) {
    $('index-state').textContent = 'unavailable';
    $('index-message').hidden = false;
    $('index-message').textContent = err.message;
  } finally {
    setTimeout(pollStatus, STATUS_INTERVAL_MS);
  }
}
