// Every request of the page goes through api()/postFile()/mediaUrl(), so an access token is always attached.

/** The token comes from the page's own address (#token=… or ?token=…) and is kept for this tab only. */
const token = (() => {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  const fromQuery = new URLSearchParams(location.search).get('token');
  const found = fromHash || fromQuery;
  if (found) sessionStorage.setItem('videosearch-token', found);
  return found || sessionStorage.getItem('videosearch-token') || '';
})();

/** A media URL (video, image) with the token in the query string: those elements cannot send headers. */
export function mediaUrl(path) {
  if (!token || !path) return path;
  return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
}

function headers(extra) {
  const all = { Accept: 'application/json', ...extra };
  if (token) all.Authorization = 'Bearer ' + token;
  return all;
}

/** GETs JSON; a non-2xx answer throws an Error carrying the ProblemDetails title and detail. */
export async function api(path, signal) {
  return answer(await fetch(path, { headers: headers(), signal }));
}

/** POSTs a file as the request body with its own Content-Type; answers like api(). */
export async function postFile(path, file, signal) {
  const type = file.type || 'application/octet-stream';
  return answer(await fetch(path, { method: 'POST', headers: headers({ 'Content-Type': type }), body: file, signal }));
}

async function answer(response) {
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(problemText(response.status, body));
  return body;
}

/** A ProblemDetails answer as one readable line: its title, then the field errors or the detail. */
export function problemText(status, problem) {
  if (!problem) return `The server answered ${status}.`;
  const parts = [problem.title || `Error ${status}`];
  if (problem.errors) parts.push(Object.values(problem.errors).flat().join(' '));
  else if (problem.detail) parts.push(problem.detail);
  return parts.join(': ');
}
