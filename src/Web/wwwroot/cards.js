// Result cards (a video's best moments, its relevance strip, scrub preview) and library cards.
import { mediaUrl } from './api.js';
import { button, clock, day, el, folderOf, range } from './format.js';
import { attachScrub } from './scrub.js';

/** Moments listed on a card; the strip shows every moment the answer holds. */
const MOMENTS_SHOWN = 3;
const LEVEL_TEXT = { strong: 'strong match', good: 'good match', weak: 'weak match' };
const LEVEL_FILL = { strong: 0.9, good: 0.6, weak: 0.25 };

export function level(moment) {
  const match = String(moment.match || '').toLowerCase();
  return LEVEL_TEXT[match] ? match : 'weak';
}

/**
 * The meter's fill (0..1) from `relevance`, the moment's z-score against the library's own scores for this query:
 * 1 standard deviation below the library's mean is empty, 4 above it is full. Without a calibration the level decides.
 */
export function meterFill(moment) {
  if (typeof moment.relevance !== 'number' || !Number.isFinite(moment.relevance)) return LEVEL_FILL[level(moment)];
  return Math.min(1, Math.max(0.04, (moment.relevance + 1) / 5));
}

/** The numbers behind a level, for the tooltip only: the raw model score and the z-score. */
function scoreTooltip(moment) {
  const parts = [`score ${Number(moment.score).toFixed(2)} (model logit)`];
  if (typeof moment.relevance === 'number') {
    const z = moment.relevance;
    parts.push(`${Math.abs(z).toFixed(1)} σ ${z >= 0 ? 'above' : 'below'} this library's average for the query`);
  }
  return parts.join(' · ');
}

/** A search result: thumbnail with scrub preview, name, folder, relevance strip and the best moments. */
export function resultCard(video, actions) {
  const article = el('article', 'result-card');
  article.dataset.videoId = String(video.videoId);
  const moments = video.moments || [];
  let active = moments[0] || null;

  const thumb = button('thumb-button');
  const img = el('img', 'thumb');
  img.alt = `Frame from ${video.fileName}`;
  img.loading = 'lazy';
  const showMoment = (moment) => {
    active = moment;
    const url = (moment && moment.thumbnailUrl) || video.thumbnailUrl;
    if (url) img.src = mediaUrl(url);
    thumb.setAttribute('aria-label', `Play ${video.fileName}` + (moment ? ` from ${clock(moment.startSeconds)}` : ''));
  };
  showMoment(active);
  thumb.append(img);
  attachScrub(thumb, () => active);
  thumb.addEventListener('click', () => actions.play(video, active ? active.startSeconds : 0));
  article.append(thumb);

  const body = el('div', 'card-body');
  const title = el('div', 'card-title');
  const name = el('h3', 'file-name', video.fileName);
  name.title = video.relativePath;
  title.append(name);
  if (moments[0]) title.append(badge(moments[0]));
  body.append(title);
  const folder = folderOf(video.relativePath || '');
  if (folder) body.append(el('p', 'folder', folder));
  body.append(strip(video, moments, actions));

  const list = el('ol', 'moments');
  list.setAttribute('aria-label', `Best moments in ${video.fileName}`);
  for (const moment of moments.slice(0, MOMENTS_SHOWN)) {
    const item = el('li', 'moment-item');
    const play = button('moment');
    play.dataset.start = String(moment.startSeconds);
    play.dataset.end = String(moment.endSeconds);
    play.dataset.peakClipId = String(moment.peakClipId);
    play.dataset.match = level(moment);
    play.title = scoreTooltip(moment);
    play.setAttribute('aria-label', `Play ${range(moment.startSeconds, moment.endSeconds)}, ${LEVEL_TEXT[level(moment)]}`);
    play.append(el('span', 'moment-time', range(moment.startSeconds, moment.endSeconds)), badge(moment), meter(moment));
    play.addEventListener('click', () => actions.play(video, moment.startSeconds));
    // The thumbnail follows the moment the reader is looking at, so scrubbing previews that moment.
    play.addEventListener('pointerenter', () => showMoment(moment));
    play.addEventListener('focus', () => showMoment(moment));
    const more = button('more-like', 'More like this', `More like ${range(moment.startSeconds, moment.endSeconds)} of ${video.fileName}`);
    more.addEventListener('click', () => actions.moreLikeThis(video, moment));
    item.append(play, more);
    list.append(item);
  }
  body.append(list);
  article.append(body);
  return article;
}

function badge(moment) {
  return el('span', `match-level match-${level(moment)}`, LEVEL_TEXT[level(moment)]);
}

/** A small bar, fuller the further the moment stands above the library's usual score for the query. */
function meter(moment) {
  const bar = el('span', 'meter');
  bar.setAttribute('role', 'meter');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  const fill = Math.round(meterFill(moment) * 100);
  bar.setAttribute('aria-valuenow', String(fill));
  bar.setAttribute('aria-label', 'relevance');
  const inner = el('span', `meter-fill match-${level(moment)}`);
  inner.style.width = fill + '%';
  bar.append(inner);
  return bar;
}

/** A bar over the video's whole duration with one segment per moment, stronger where it matches better. */
function strip(video, moments, actions) {
  const bar = el('div', 'relevance-strip');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', `Where in ${video.fileName} the moments are`);
  const duration = video.durationSeconds > 0 ? video.durationSeconds : Math.max(1, ...moments.map((m) => m.endSeconds));
  for (const moment of moments) {
    const seg = el('div', `segment match-${level(moment)}`);
    const left = Math.min(100, (100 * moment.startSeconds) / duration);
    const width = Math.max(0.8, Math.min(100 - left, (100 * (moment.endSeconds - moment.startSeconds)) / duration));
    seg.style.left = left + '%';
    seg.style.width = width + '%';
    seg.style.opacity = String(0.35 + 0.65 * meterFill(moment));
    seg.title = `${range(moment.startSeconds, moment.endSeconds)} · ${LEVEL_TEXT[level(moment)]}`;
    seg.addEventListener('click', () => actions.play(video, moment.startSeconds));
    bar.append(seg);
  }
  return bar;
}

/** A video of the library view: thumbnail, name, folder, length, frame size and date; plays from the start. */
export function libraryCard(video, actions) {
  const article = el('article', 'result-card library-card');
  article.dataset.videoId = String(video.videoId);
  const thumb = button('thumb-button', undefined, `Play ${video.fileName}`);
  const img = el('img', 'thumb');
  img.alt = `Frame from ${video.fileName}`;
  img.loading = 'lazy';
  if (video.thumbnailUrl) img.src = mediaUrl(video.thumbnailUrl);
  thumb.append(img);
  thumb.addEventListener('click', () => actions.play(video, 0));
  article.append(thumb);

  const body = el('div', 'card-body');
  const name = el('h3', 'file-name', video.fileName);
  name.title = video.relativePath;
  body.append(name);
  const folder = folderOf(video.relativePath || '');
  if (folder) body.append(el('p', 'folder', folder));
  const facts = [clock(video.durationSeconds)];
  if (video.width > 0 && video.height > 0) facts.push(`${video.width}×${video.height}`);
  const date = day(video.modified);
  if (date) facts.push(date);
  body.append(el('p', 'video-facts', facts.join(' · ')));
  article.append(body);
  return article;
}
