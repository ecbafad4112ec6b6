// The page plays through window.VideoSearchPlayer (player.js, loaded before the modules): it asks the server how to
// play each file (directly or transcoded) and owns the player panel.

/** Opens the player on `video` ({ videoId, fileName, playbackUrl }) at `start` seconds. */
export function playVideo(video, start) {
  window.VideoSearchPlayer.open({
    videoId: video.videoId, fileName: video.fileName, start,
    playbackUrl: video.playbackUrl || `/api/videos/${video.videoId}/playback`,
  });
}

export function isPlayerOpen() {
  return window.VideoSearchPlayer.isOpen();
}

export function closePlayer() {
  window.VideoSearchPlayer.close();
}
