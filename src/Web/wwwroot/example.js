// Search by example: a chosen or dropped image or short video, checked here (type, size) before it is sent.

/** The server's limit on an example (POST /api/search/example answers 413 beyond it). */
export const MAX_EXAMPLE_BYTES = 100 * 1024 * 1024;

/** Why `file` cannot be an example, or '' when it can. */
export function exampleProblem(file) {
  const type = file.type || '';
  if (!type.startsWith('image/') && !type.startsWith('video/'))
    return `“${file.name}” is not an image or a video; search by example takes a photo or a short clip.`;
  if (file.size > MAX_EXAMPLE_BYTES)
    return `“${file.name}” is ${Math.ceil(file.size / (1024 * 1024))} MB; search by example takes files up to 100 MB, so use a shorter clip.`;
  if (file.size === 0) return `“${file.name}” is empty.`;
  return '';
}

/** Wires the "By example…" button and drag-and-drop onto the page; `onFile(file)` gets each file. */
export function wireExampleInput(onFile) {
  const input = document.getElementById('example-file');
  const zone = document.getElementById('drop-zone');
  document.getElementById('example-button').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    input.value = '';
    if (file) onFile(file);
  });

  const carriesFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  let depth = 0; // dragenter/dragleave fire for every child crossed
  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth++;
    zone.hidden = false;
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (e) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.hidden = true;
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth = 0;
    zone.hidden = true;
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  });
}
