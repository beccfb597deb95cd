// Small DOM helpers shared by every page.

/** h('button', {class: 'primary', onclick: fn}, 'Save') builds an element; null/false children are skipped. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof value !== 'string') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * An error message region that screen readers announce: the message in plain words, and the technical detail (when
 * there is one) behind a "Details" toggle, for whoever reports the problem.
 */
export function errorBox(error, detail) {
  const message = error instanceof Error ? error.message : String(error);
  const technical = detail || (error && error.detail) || null;
  return h('div', { class: 'error', role: 'alert' }, h('p', {}, message),
    technical ? h('details', { class: 'error-detail' }, h('summary', {}, 'Details'), h('code', {}, technical)) : null);
}

/** A grey placeholder while something loads ('card' or 'lines'), announced as busy. */
export function skeleton(kind, label) {
  return h('div', { class: `skeleton skeleton-${kind}`, role: 'status', 'aria-busy': 'true', 'aria-label': label },
    [1, 2, 3].map(() => h('span', { class: 'skeleton-bar' })));
}

export function toast(message, kind = 'info') {
  const box = h('div', { class: `toast ${kind}` }, message);
  document.getElementById('toasts').append(box);
  setTimeout(() => box.remove(), 5000);
}

/** A labelled form control: the label is tied to the input by id. */
export function field(label, input, hint) {
  input.id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.round(seconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

export function formatDate(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '–';
}

export function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const STATUS_LABELS = {
  uploading: 'Uploading', queued: 'Queued', processing: 'Transcribing', transcribed: 'Analysing',
  completed: 'Completed', failed: 'Failed',
};

export function statusBadge(status, progressPercent) {
  const label = STATUS_LABELS[status] || status;
  const text = status === 'processing' && progressPercent ? `${label} ${progressPercent}%` : label;
  return h('span', { class: `badge status-${status}`, dataset: { status } }, text);
}

/** A page heading that also names the page in the browser tab. */
export function title(text) {
  document.title = `${text} · ClassReflect`;
  return h('h1', {}, text);
}
