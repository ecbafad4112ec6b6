// Keyboard: "/" focuses the search box (unless typing somewhere), arrow keys move between moments (Tab reaches
// them too), Enter plays the focused moment (it is a button), Esc closes the player.

function isTyping(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The buttons arrow keys move between: every moment, or the library's videos when no moment is shown. */
function stops() {
  const moments = [...document.querySelectorAll('#results .moment')];
  return moments.length ? moments : [...document.querySelectorAll('#results .library-card .thumb-button')];
}

/** Where `target` stands among the stops; between two stops counts as just before the next one. */
function position(all, target, step) {
  const own = all.indexOf(target);
  if (own >= 0) return own;
  const holder = target instanceof Element ? target.closest('.moment-item') || target.closest('.result-card') : null;
  const first = holder ? holder.querySelector('.moment') || holder.querySelector('.thumb-button') : null;
  const index = first ? all.indexOf(first) : -1;
  if (index < 0) return step > 0 ? -1 : all.length;
  // A moment's own "More like this" stands on the moment; a card's thumbnail stands just before its first moment.
  return holder.classList.contains('moment-item') || step < 0 ? index : index - 1;
}

export function wireKeyboard({ query, isPlayerOpen, closePlayer }) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape' && isPlayerOpen()) {
      e.preventDefault();
      closePlayer();
      return;
    }
    if (isTyping(e.target)) return;
    if (e.key === '/') {
      e.preventDefault();
      query.focus();
      query.select();
      return;
    }
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!step || isPlayerOpen()) return;
    const all = stops();
    if (all.length === 0) return;
    const next = Math.min(all.length - 1, Math.max(0, position(all, e.target, step) + step));
    e.preventDefault();
    all[next].focus();
  });
}
