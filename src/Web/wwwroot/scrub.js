// Scrub preview: moving the pointer across a moment's thumbnail shows the frames of the moment's clips, in time
// order. Each clip's preview strip is one image of 4 equal tiles side by side (its sampled frames 0, 2, 4 and 6 of
// 8); a tile is shown with background-size 400% and a background-position. A clip whose strip does not load (404
// for a library indexed before previews existed) shows its thumbnail instead.
import { mediaUrl } from './api.js';
import { clock } from './format.js';

const TILES = 4;
/** Where each tile sits in its clip, as a fraction of the clip (frames 0, 2, 4, 6 of 8 evenly spaced ones). */
const TILE_POSITION = [0, 2, 4, 6].map((frame) => (frame + 0.5) / 8);
const stripState = new Map(); // preview URL -> 'loading' | 'ok' | 'missing'

/**
 * Makes `button` (holding `img`) scrub through the frames of the moment `getMoment()` returns. The overlay and time
 * label are added to the button; leaving it restores the thumbnail.
 */
export function attachScrub(button, getMoment) {
  const frame = document.createElement('span');
  frame.className = 'scrub-frame';
  frame.hidden = true;
  const label = document.createElement('span');
  label.className = 'scrub-time';
  label.hidden = true;
  button.append(frame, label);

  let last = null; // the last pointer position, to redraw when a strip finishes loading under it
  const show = (event) => {
    const moment = getMoment();
    const clips = (moment && moment.clips) || [];
    if (clips.length === 0) return;
    last = { clientX: event.clientX };
    clips.forEach((clip) => preload(clip, () => { if (last && !frame.hidden) show(last); }));
    const box = button.getBoundingClientRect();
    const fraction = Math.min(0.9999, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
    const index = Math.floor(fraction * clips.length * TILES);
    const clip = clips[Math.floor(index / TILES)];
    const tile = index % TILES;
    const strip = clip.previewUrl && stripState.get(clip.previewUrl) === 'ok';
    if (strip) {
      frame.style.backgroundImage = `url("${mediaUrl(clip.previewUrl)}")`;
      frame.style.backgroundSize = `${TILES * 100}% 100%`;
      frame.style.backgroundPosition = `${(tile * 100) / (TILES - 1)}% 0`;
    } else {
      frame.style.backgroundImage = `url("${mediaUrl(clip.thumbnailUrl)}")`;
      frame.style.backgroundSize = 'cover';
      frame.style.backgroundPosition = 'center';
    }
    frame.dataset.clipId = String(clip.clipId);
    frame.dataset.tile = strip ? String(tile) : 'thumbnail';
    frame.hidden = false;
    label.textContent = clock(clip.startSeconds + TILE_POSITION[tile] * (clip.endSeconds - clip.startSeconds));
    label.hidden = false;
  };
  const hide = () => { last = null; frame.hidden = true; label.hidden = true; };
  button.addEventListener('pointermove', show);
  button.addEventListener('pointerleave', hide);
  button.addEventListener('pointercancel', hide);
}

/** Loads a clip's strip once, then calls `loaded`; until then (or when it is missing) the clip's thumbnail stands in. */
function preload(clip, loaded) {
  const url = clip.previewUrl;
  if (!url || stripState.has(url)) return;
  stripState.set(url, 'loading');
  const image = new Image();
  image.onload = () => { stripState.set(url, image.naturalWidth > 0 ? 'ok' : 'missing'); loaded(); };
  image.onerror = () => stripState.set(url, 'missing');
  image.src = mediaUrl(url);
}
