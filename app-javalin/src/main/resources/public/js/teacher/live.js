// Live recording status from the server's event stream (GET /api/recordings/events), never by polling.
// The browser's EventSource reconnects by itself; each time the server says "ready" (first connect and every
// reconnect) the page re-reads what it shows, so a change made while the stream was down is not missed.
import { h, statusBadge } from '../ui.js';

/**
 * Calls onReady() after each (re)connection, onChange(recordingView) and onDeleted(id) as things happen.
 * Returns { stop, indicator }: stop() closes the stream; indicator is an element telling the user the state.
 */
export function watchRecordings({ onReady, onChange, onDeleted }) {
  const indicator = h('span', { class: 'live-indicator', role: 'status' }, 'Connecting…');
  const source = new EventSource('/api/recordings/events');
  const show = (state, text) => {
    indicator.dataset.state = state;
    indicator.textContent = text;
  };
  source.addEventListener('ready', () => {
    show('live', 'Live updates on');
    if (onReady) onReady();
  });
  source.addEventListener('recording', e => onChange && onChange(JSON.parse(e.data)));
  source.addEventListener('deleted', e => onDeleted && onDeleted(JSON.parse(e.data).id));
  source.addEventListener('error', () => {
    show('down', source.readyState === EventSource.CLOSED
      ? 'Live updates stopped; reload the page to resume.' : 'Reconnecting…');
  });
  return { stop: () => source.close(), indicator };
}

/** A status badge, with a progress bar while a recording is being transcribed. */
export function liveStatus(recording) {
  const wrap = h('span', { class: 'live-status' });
  updateLiveStatus(wrap, recording);
  return wrap;
}

export function updateLiveStatus(wrap, recording) {
  const { status, progressPercent } = recording;
  wrap.replaceChildren(statusBadge(status, progressPercent));
  if (status === 'processing') {
    wrap.append(h('progress', { max: 100, value: progressPercent || 0,
      'aria-label': `Transcribed ${progressPercent || 0}%` }));
  }
}

/**
 * What a recording is called on the pages: the teacher's name for it, its class and subject (else its file name),
 * and the day it was recorded.
 */
export function lessonTitle(r) {
  const parts = [r.lessonName, r.className, r.subject].filter(Boolean);
  const day = r.createdAt ? new Date(r.createdAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
    : null;
  return [parts.length ? parts.join(' · ') : (r.originalFileName || 'Untitled recording'), day].filter(Boolean)
    .join(' · ');
}

/** "QUESTION_COUNT" -> "Question count". */
export function humanise(name) {
  const words = String(name).toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 83.333 -> "83.3"; ratios as percentages. */
export function formatValue(value, unit) {
  if (value === null || value === undefined) return '–';
  if (unit === 'ratio') return `${Math.round(value * 100)}%`;
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return unit && unit !== 'count' ? `${rounded} ${unit}` : String(rounded);
}

/** Seconds as m:ss.s for transcript times. */
export function clock(seconds) {
  const m = Math.floor(seconds / 60);
  const s = (seconds % 60).toFixed(1).padStart(4, '0');
  return `${m}:${s}`;
}

export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
