// VideoSearch player: plays a video from a moment, directly or through the server's transcode for files a browser
// cannot play (GET /api/videos/{id}/playback says which). Owns #player-panel, #player, #player-title, #player-close.
// Plain script, no build step, loaded before app.js: window.VideoSearchPlayer = { open, close, isOpen, position }.
'use strict';

window.VideoSearchPlayer = (() => {
  const $ = (id) => document.getElementById(id);
  const els = { panel: $('player-panel'), player: $('player'), title: $('player-title'), close: $('player-close') };
  // How often a refused or broken transcode is asked for again before the player gives up, and how long it waits
  // first (the server's Retry-After for a busy transcoder is 5 s; a stream cut by a restart needs less).
  const RETRIES = 2;
  const RETRY_DELAY_MS = 2000;

  // The token app.js took from the page's address and keeps for this tab: read when used, since app.js runs after this file.
  const token = () => sessionStorage.getItem('videosearch-token') || '';

  /** A URL with a query parameter added (the token, the start). */
  function withParam(path, name, value) {
    return path + (path.includes('?') ? '&' : '?') + name + '=' + encodeURIComponent(value);
  }

  /** A media URL with the token in the query string: the video element cannot send headers. */
  function mediaUrl(path) {
    return token() ? withParam(path, 'token', token()) : path;
  }

  /** m:ss (or h:mm:ss) for a time in seconds. */
  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
    return (h > 0 ? h + ':' : '') + mm + ':' + String(r).padStart(2, '0');
  }

  // What is playing: `offset` is the file's time at the stream's time 0 (the transcode's start; 0 when direct),
  // `last` the last position shown (a broken stream's clock is gone, so a retry starts from it).
  let current = null; // { videoId, fileName, direct, url, offset, retries }
  let generation = 0; // bumped by every open and close, so a late answer for an older one is dropped
  let restarting = false;

  /** The file's time now, in seconds (what the title shows). */
  function position() {
    if (!current) return 0;
    // Until a direct open's seek lands, the element's clock still reads 0 (or the previous file's time).
    if (current.seekTarget !== null) return current.seekTarget;
    return current.offset + (els.player.currentTime || 0);
  }

  function showTitle(note) {
    if (!current) return;
    els.title.textContent = `${current.fileName} — ${clock(position())}` + (note ? ` (${note})` : '');
  }

  function playWhenReady() {
    els.player.play().catch(() => { /* autoplay refused: the controls are there */ });
  }

  /** Starts the transcode at `at` seconds of the file; the stream's time 0 is then `at`. */
  function startTranscode(at) {
    const player = els.player;
    current.offset = at;
    restarting = true;
    player.addEventListener('loadedmetadata', () => { restarting = false; playWhenReady(); }, { once: true });
    player.src = mediaUrl(withParam(current.url, 'start', at.toFixed(3)));
    player.load();
    showTitle();
  }

  function startDirect(at) {
    const player = els.player;
    const opened = current;
    opened.seekTarget = at;
    player.addEventListener('loadedmetadata', () => {
      player.addEventListener('seeked', () => { opened.seekTarget = null; showTitle(); }, { once: true });
      player.currentTime = at;
      playWhenReady();
    }, { once: true });
    player.src = mediaUrl(current.url);
    player.load();
    showTitle();
  }

  function isBuffered(time) {
    const ranges = els.player.buffered;
    for (let i = 0; i < ranges.length; i++) {
      if (time >= ranges.start(i) && time <= ranges.end(i)) return true;
    }
    return false;
  }

  /** GETs the playback answer with the token as a header; a non-2xx answer throws with the problem's title. */
  async function playbackFor(url) {
    const headers = { Accept: 'application/json' };
    if (token()) headers.Authorization = 'Bearer ' + token();
    const response = await fetch(url, { headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && (body.detail || body.title)) || `The server answered ${response.status}.`);
    return body;
  }

  /** Opens the player on a video at `start` seconds; `playbackUrl` is the video's /playback URL. */
  async function open({ videoId, fileName, start, playbackUrl }) {
    const mine = ++generation;
    const at = Math.max(0, Number(start) || 0);
    if (current && current.videoId === videoId && els.player.readyState >= 1
        && (current.direct || (at >= current.offset && isBuffered(at - current.offset)))) {
      // The same file is loaded and holds that moment: seek in it (a transcode elsewhere is restarted below).
      els.panel.hidden = false;
      els.player.currentTime = at - current.offset;
      playWhenReady();
      els.close.focus();
      return;
    }
    els.panel.hidden = false;
    els.title.textContent = `${fileName} — ${clock(at)}`;
    els.close.focus();
    let answer;
    try {
      answer = await playbackFor(playbackUrl || `/api/videos/${videoId}/playback`);
    } catch (err) {
      if (mine === generation) els.title.textContent = `${fileName} — cannot be played: ${err.message}`;
      return;
    }
    if (mine !== generation) return;
    current = { videoId, fileName, direct: answer.direct, url: answer.url, offset: 0, last: at, retries: 0, seekTarget: null };
    els.player.dataset.videoId = String(videoId);
    els.player.dataset.direct = String(answer.direct);
    if (answer.direct) startDirect(at);
    else startTranscode(at);
  }

  /** Stops playing and hides the player; unloading the source ends a running transcode on the server. */
  function close() {
    generation++;
    current = null;
    restarting = false;
    const player = els.player;
    player.pause();
    player.removeAttribute('src');
    player.load();
    els.panel.hidden = true;
  }

  function isOpen() {
    return !els.panel.hidden;
  }

  els.close.addEventListener('click', close);
  els.player.addEventListener('timeupdate', () => { if (current && !restarting) current.last = position(); showTitle(); });
  els.player.addEventListener('seeking', () => {
    // A transcoded stream holds only what has arrived since its start: a seek outside it restarts the transcode there.
    if (!current || current.direct || restarting) return;
    const target = els.player.currentTime;
    if (!isBuffered(target)) startTranscode(current.offset + target);
  });
  els.player.addEventListener('playing', () => { if (current) current.retries = 0; });
  els.player.addEventListener('error', () => {
    // A refused (busy server) or cut transcode: ask again from where it was, a few times.
    if (!current || current.direct || current.retries >= RETRIES) return;
    current.retries++;
    const mine = generation, at = current.last;
    showTitle('retrying');
    setTimeout(() => { if (mine === generation && current) startTranscode(at); }, RETRY_DELAY_MS);
  });

  return { open, close, isOpen, position };
})();
