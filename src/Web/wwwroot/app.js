// VideoSearch page: search, result cards with relevance strips, a player that starts at the clip, indexing progress.
// Plain script, no build step. Every request goes through api()/mediaUrl() so an access token is always attached.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const els = {
    form: $('search-form'), query: $('query'), message: $('message'), results: $('results'),
    panel: $('player-panel'), player: $('player'), playerTitle: $('player-title'), playerClose: $('player-close'),
    state: $('index-state'), progress: $('index-progress'), bar: $('index-progress-bar'), counts: $('index-counts'),
    rate: $('index-rate'), current: $('index-current'), indexMessage: $('index-message'),
    errors: $('index-errors'), errorsSummary: $('index-errors-summary'), errorList: $('index-error-list'),
  };
  const STATUS_INTERVAL_MS = 2000;

  // The token comes from the page's own address (#token=… or ?token=…) and is kept for this tab only.
  const token = (() => {
    const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
    const fromQuery = new URLSearchParams(location.search).get('token');
    const found = fromHash || fromQuery;
    if (found) sessionStorage.setItem('videosearch-token', found);
    return found || sessionStorage.getItem('videosearch-token') || '';
  })();

  /** A media URL (video, image) with the token in the query string: those elements cannot send headers. */
  function mediaUrl(path) {
    if (!token) return path;
    return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
  }

  /** GETs JSON; a non-2xx answer throws an Error carrying the ProblemDetails title and detail. */
  async function api(path) {
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    const response = await fetch(path, { headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error(problemText(response.status, body));
    return body;
  }

  function problemText(status, problem) {
    if (!problem) return `The server answered ${status}.`;
    const parts = [problem.title || `Error ${status}`];
    if (problem.errors) parts.push(Object.values(problem.errors).flat().join(' '));
    else if (problem.detail) parts.push(problem.detail);
    return parts.join(': ');
  }

  function showMessage(text, isError) {
    els.message.textContent = text;
    els.message.classList.toggle('error', !!isError);
  }

  /** m:ss (or h:mm:ss) for a time in seconds. */
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- search ----

  let searchSeq = 0;

  async function search(text) {
    const q = text.trim();
    if (!q) { showMessage('Type what you remember seeing and press Enter.'); return; }
    const seq = ++searchSeq;
    showMessage('Searching…');
    els.results.setAttribute('aria-busy', 'true');
    try {
      const page = await api('/api/search?' + new URLSearchParams({ q, top: '24' }));
      if (seq !== searchSeq) return; // a newer search has started
      render(page);
    } catch (err) {
      if (seq !== searchSeq) return;
      els.results.replaceChildren();
      showMessage(err.message, true);
    } finally {
      if (seq === searchSeq) els.results.removeAttribute('aria-busy');
    }
  }

  function render(page) {
    els.results.replaceChildren();
    if (page.videos.length === 0) {
      showMessage(`No videos match “${page.query}”.`);
      return;
    }
    const scores = page.videos.flatMap((v) => v.clips.map((c) => c.score));
    const lo = Math.min(...scores), hi = Math.max(...scores);
    const relevance = (score) => (hi > lo ? (score - lo) / (hi - lo) : 1);
    for (const video of page.videos) els.results.append(card(video, relevance));
    const truncated = page.queryTruncated ? ' (query shortened to what the model reads)' : '';
    showMessage(`${page.totalVideos} video${page.totalVideos === 1 ? '' : 's'} match “${page.query}”${truncated}.`);
  }

  function card(video, relevance) {
    const article = el('article', 'result-card');
    article.dataset.videoId = String(video.videoId);
    const best = video.clips[0];

    const thumbButton = el('button', 'thumb-button');
    thumbButton.type = 'button';
    thumbButton.setAttribute('aria-label', `Play ${video.fileName}` + (best ? ` from ${clock(best.startSeconds)}` : ''));
    const img = el('img', 'thumb');
    img.alt = `Frame from ${video.fileName}`;
    img.loading = 'lazy';
    if (video.thumbnailUrl) img.src = mediaUrl(video.thumbnailUrl);
    thumbButton.append(img);
    thumbButton.addEventListener('click', () => play(video, best ? best.startSeconds : 0));
    article.append(thumbButton);

    const body = el('div', 'card-body');
    const title = el('div', 'card-title');
    const name = el('h2', 'file-name', video.fileName);
    name.title = video.relativePath;
    title.append(name, el('span', 'score', 'score ' + video.score.toFixed(2)));
    body.append(title);
    const folder = video.relativePath.includes('/') ? video.relativePath.slice(0, video.relativePath.lastIndexOf('/')) : '';
    if (folder) body.append(el('p', 'folder', folder));

    body.append(strip(video, relevance));

    const ranges = el('ul', 'time-ranges');
    ranges.setAttribute('aria-label', 'Matching moments');
    const inTimeOrder = [...video.clips].sort((a, b) => a.startSeconds - b.startSeconds);
    for (const clip of inTimeOrder) {
      const li = el('li');
      const chip = el('button', 'time-range', `${clock(clip.startSeconds)}–${clock(clip.endSeconds)}`);
      chip.type = 'button';
      chip.dataset.start = String(clip.startSeconds);
      chip.dataset.clipId = String(clip.clipId);
      chip.title = 'score ' + clip.score.toFixed(2);
      chip.setAttribute('aria-label', `Play from ${clock(clip.startSeconds)} (score ${clip.score.toFixed(2)})`);
      chip.addEventListener('click', () => play(video, clip.startSeconds));
      li.append(chip);
      ranges.append(li);
    }
    body.append(ranges);
    article.append(body);
    return article;
  }

  /** A thin bar over the video's whole duration with one segment per matching clip, stronger where it matches better. */
  function strip(video, relevance) {
    const bar = el('div', 'relevance-strip');
    bar.setAttribute('role', 'img');
    bar.setAttribute('aria-label', `Where in ${video.fileName} the query matches`);
    const duration = video.durationSeconds > 0 ? video.durationSeconds
      : Math.max(1, ...video.clips.map((c) => c.endSeconds));
    for (const clip of video.clips) {
      const seg = el('div', 'segment');
      const left = Math.min(100, (100 * clip.startSeconds) / duration);
      const width = Math.max(0.5, Math.min(100 - left, (100 * (clip.endSeconds - clip.startSeconds)) / duration));
      seg.style.left = left + '%';
      seg.style.width = width + '%';
      seg.style.opacity = String(0.3 + 0.7 * relevance(clip.score));
      seg.title = `${clock(clip.startSeconds)}–${clock(clip.endSeconds)} · score ${clip.score.toFixed(2)}`;
      seg.addEventListener('click', () => play(video, clip.startSeconds));
      bar.append(seg);
    }
    return bar;
  }

  // ---- player ----

  /** Opens the player (player.js) on the video at `start` seconds: the file itself or a transcode. */
  function play(video, start) {
    window.VideoSearchPlayer.open({ videoId: video.videoId, fileName: video.fileName, start, playbackUrl: video.playbackUrl });
  }

  function closePlayer() {
    window.VideoSearchPlayer.close();
  }

  els.playerClose.addEventListener('click', closePlayer);
  els.panel.addEventListener('click', (e) => { if (e.target === els.panel) closePlayer(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !els.panel.hidden) closePlayer(); });
  els.player.addEventListener('error', () => {
    if (!els.panel.hidden) showMessage('This video cannot be played in the browser (its format may not be supported).', true);
  });

  els.form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(els.query.value);
  });

  // ---- indexing progress ----

  function renderStatus(s) {
    els.state.textContent = s.state + (s.state === 'Indexing' || s.state === 'Scanning' ? '…' : '');
    els.bar.style.width = s.percent + '%';
    els.progress.setAttribute('aria-valuenow', String(Math.round(s.percent)));
    els.counts.textContent = `${s.filesDone} / ${s.filesTotal} files · ${s.clipsIndexed} clips`;
    const eta = s.etaSeconds != null ? ` · about ${clock(s.etaSeconds)} left` : '';
    els.rate.textContent = s.clipsPerSecond > 0 ? `${s.clipsPerSecond.toFixed(1)} clips/s${eta}` : '';
    els.current.textContent = s.currentFile ? 'now: ' + s.currentFile : '';
    els.indexMessage.hidden = !s.message;
    els.indexMessage.textContent = s.message || '';

    els.errors.hidden = s.errors.length === 0;
    els.errorsSummary.textContent = `${s.errors.length} file${s.errors.length === 1 ? '' : 's'} could not be indexed`;
    const items = s.errors.map((e) => {
      const li = el('li', 'index-error');
      li.title = e.relativePath;
      li.append(el('span', 'error-file', e.relativePath), document.createTextNode(' — '),
        el('span', 'error-kind', e.kind), document.createTextNode(': ' + e.message));
      return li;
    });
    els.errorList.replaceChildren(...items);
  }

  async function pollStatus() {
    try {
      renderStatus(await api('/api/status'));
    } catch (err) {
      els.state.textContent = 'unavailable';
      els.indexMessage.hidden = false;
      els.indexMessage.textContent = err.message;
    } finally {
      setTimeout(pollStatus, STATUS_INTERVAL_MS);
    }
  }

  pollStatus();
  els.query.focus();
})();
