// Plays a video from a time: through window.VideoSearchPlayer (player.js) when it is loaded, else through the
// page's own <video> in #player-panel, seeking once the metadata is known.
import { mediaUrl } from './api.js';
import { clock } from './format.js';

const $ = (id) => document.getElementById(id);

/** Opens the player on `video` ({ videoId, fileName, playbackUrl, streamUrl }) at `start` seconds. */
export function playVideo(video, start) {
  const shared = window.VideoSearchPlayer;
  if (shared) {
    shared.open({ videoId: video.videoId, fileName: video.fileName, start, playbackUrl: video.playbackUrl });
    return;
  }
  const player = $('player');
  $('player-title').textContent = `${video.fileName} — from ${clock(start)}`;
  $('player-panel').hidden = false;
  const seekAndPlay = () => {
    player.currentTime = start;
    player.play().catch(() => { /* autoplay refused: the controls are there */ });
  };
  if (player.dataset.videoId === String(video.videoId) && player.readyState >= 1) {
    seekAndPlay();
  } else {
    player.dataset.videoId = String(video.videoId);
    player.addEventListener('loadedmetadata', seekAndPlay, { once: true });
    player.src = mediaUrl(video.streamUrl || `/api/videos/${video.videoId}/stream`);
    player.load();
  }
  $('player-close').focus();
}

export function isPlayerOpen() {
  const shared = window.VideoSearchPlayer;
  return shared ? shared.isOpen() : !$('player-panel').hidden;
}

export function closePlayer() {
  const shared = window.VideoSearchPlayer;
  if (shared) { shared.close(); return; }
  $('player').pause();
  $('player-panel').hidden = true;
}

/** The page's own panel: close button, click outside, and a readable error when the browser cannot play the file. */
export function wireOwnPlayer(showError) {
  if (window.VideoSearchPlayer) return;
  $('player-close').addEventListener('click', closePlayer);
  $('player-panel').addEventListener('click', (e) => { if (e.target === $('player-panel')) closePlayer(); });
  $('player').addEventListener('error', () => {
    if (!$('player-panel').hidden) showError('This video cannot be played in the browser (its format may not be supported).');
  });
}
