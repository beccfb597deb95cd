// #/recordings: a teacher's own lessons, a manager's school, everything for a super admin (the server decides).
// Status and progress arrive live through the event stream; search and filters are answered by the server.
// The search and filters live in the address too (#/recordings?status=failed&from=2026-11-01), so links and the
// back button bring them back.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, formatDate, formatDuration, skeleton } from '../ui.js';
import { TEACHER, ADMIN } from '../routes.js';
import { watchRecordings, liveStatus, updateLiveStatus, lessonTitle, debounce } from '../teacher/live.js';

const PAGE_SIZE = 20;
const STATUSES = ['queued', 'processing', 'transcribed', 'completed', 'failed'];
const STATUS_NAMES = { queued: 'Queued', processing: 'Transcribing', transcribed: 'Analysing', completed: 'Completed',
  failed: 'Failed' };
/** The API takes several statuses separated by commas; the manager's dashboard links here with this one. */
const UNFINISHED = 'queued,processing,transcribed';

export async function render(main, { me, query: address }) {
  const seesOthers = me.role !== TEACHER;
  const state = { offset: 0 };
  const rows = new Map();

  const search = h('input', { type: 'search', name: 'q', placeholder: 'Class, subject, file, notes or words said' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'Any status'),
    h('option', { value: UNFINISHED }, 'Not finished yet'),
    STATUSES.map(s => h('option', { value: s }, STATUS_NAMES[s])));
  const subject = h('input', { type: 'text', name: 'subject', placeholder: 'e.g. Maths' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const teacher = h('select', { name: 'teacherId' }, h('option', { value: '' }, 'All teachers'));
  const fields = [['q', search], ['status', status], ['teacherId', teacher], ['subject', subject], ['from', from],
    ['to', to]].filter(([, el]) => seesOthers || el !== teacher);
  // The teachers arrive later: until then, an option stands in for the one the address names.
  const standIn = seesOthers && address.get('teacherId')
    ? h('option', { value: address.get('teacherId') }, 'Chosen teacher') : null;
  if (standIn) teacher.append(standIn);
  // Set as properties, not attributes, so that "Clear filters" (a form reset) empties them.
  for (const [name, el] of fields) el.value = address.get(name) || '';
  const problem = h('div');
  const results = h('div', { class: 'recordings-results', 'aria-live': 'polite' },
    skeleton('lines', 'Loading the recordings'));
  const pager = h('nav', { class: 'actions pager', 'aria-label': 'Pages of recordings' });

  const filters = h('form', { class: 'card filters', role: 'search', onsubmit: e => { e.preventDefault(); reload(); } },
    field('Search', search),
    field('Status', status),
    seesOthers ? field('Teacher', teacher) : null,
    field('Subject', subject),
    field('Uploaded from', from),
    field('Uploaded until', to),
    h('div', { class: 'actions filter-actions' },
      h('button', { type: 'button', onclick: () => { filters.reset(); reload(); } }, 'Clear filters')));

  const live = watchRecordings({
    onReady: () => load(),
    onChange: r => {
      const row = rows.get(r.id);
      if (row) {
        updateLiveStatus(row.querySelector('.live-status'), r);
        row.querySelector('[data-cell=duration]').textContent = formatDuration(r.durationSeconds);
      } else {
        newcomer();
      }
    },
    onDeleted: id => { if (rows.has(id)) load(); },
  });
  const newcomer = debounce(() => load(), 300);
  const reload = () => { state.offset = 0; keepAddress(); load(); };
  const typed = debounce(reload, 300);
  search.addEventListener('input', typed);
  subject.addEventListener('input', typed);
  [status, from, to, teacher].forEach(el => el.addEventListener('change', reload));

  fill(main,
    h('div', { class: 'page-head' }, title(me.role === TEACHER ? 'My recordings' : 'Recordings'),
      me.role !== ADMIN ? h('a', { class: 'button primary', href: '#/upload' }, 'Upload recordings') : null,
      live.indicator),
    filters, problem, results, pager);

  if (seesOthers) {
    api(me.role === ADMIN ? '/api/users' : `/api/users?schoolId=${encodeURIComponent(me.schoolId)}`)
      .then(users => {
        const teachers = users.filter(u => u.role === 'teacher')
          .sort((a, b) => a.displayName.localeCompare(b.displayName));
        const chosen = teacher.value;
        if (standIn && teachers.some(u => u.id === standIn.value)) standIn.remove();
        else if (standIn) standIn.textContent = 'Unknown teacher';
        teachers.forEach(u => teacher.append(h('option', { value: u.id }, u.displayName)));
        teacher.value = chosen;
      })
      .catch(e => problem.append(errorBox(e)));
  }

  function chosenFilters() {
    const q = new URLSearchParams();
    for (const [name, el] of fields) {
      if (el.value.trim()) q.set(name, el.value.trim());
    }
    return q;
  }

  function query() {
    const q = chosenFilters();
    q.set('offset', state.offset);
    q.set('limit', PAGE_SIZE);
    return q;
  }

  function filtered() {
    return chosenFilters().toString() !== '';
  }

  /** Replaces the address without a new history entry: no hashchange, so the page and its stream stay. */
  function keepAddress() {
    const chosen = chosenFilters().toString();
    const wanted = `${location.hash.split('?')[0]}${chosen ? `?${chosen}` : ''}`;
    if (location.hash !== wanted) history.replaceState(history.state, '', wanted);
  }

  let loading = 0;
  async function load() {
    const mine = ++loading;
    try {
      const page = await api(`/api/recordings?${query()}`);
      if (mine !== loading) return;
      problem.replaceChildren();
      show(page);
    } catch (e) {
      if (mine === loading) fill(problem, errorBox(e));
    }
  }

  function show(page) {
    rows.clear();
    if (page.items.length === 0) {
      fill(results, h('div', { class: 'card empty-state' }, filtered()
        ? h('p', {}, 'No recordings match these filters. ', h('button', { type: 'button', class: 'link',
          onclick: () => { filters.reset(); reload(); } }, 'Clear the filters'))
        : [h('p', {}, me.role === TEACHER ? 'You have no recordings yet.' : 'There are no recordings yet.'),
          me.role !== ADMIN ? h('p', {}, h('a', { href: '#/upload' }, 'Upload a lesson recording'),
            ' and it will be transcribed and analysed for you.') : null]));
      fill(pager);
      return;
    }
    const body = h('tbody', {}, page.items.map(r => {
      const row = h('tr', { dataset: { id: r.id } },
        h('td', { 'data-label': 'Lesson' }, h('a', { href: `#/recordings/${encodeURIComponent(r.id)}` }, lessonTitle(r)),
          r.grade ? h('span', { class: 'muted' }, ` · grade ${r.grade}`) : null),
        seesOthers ? h('td', { 'data-label': 'Teacher' }, r.teacherName || '–') : null,
        h('td', { 'data-label': 'Uploaded' }, formatDate(r.createdAt)),
        h('td', { 'data-label': 'Length', 'data-cell': 'duration' }, formatDuration(r.durationSeconds)),
        h('td', { 'data-label': 'Status' }, liveStatus(r)));
      rows.set(r.id, row);
      return row;
    }));
    fill(results, h('div', { class: 'table-wrap' }, h('table', { class: 'recordings-table' },
      h('caption', { class: 'visually-hidden' }, 'Recordings, newest first'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Lesson'),
        seesOthers ? h('th', { scope: 'col' }, 'Teacher') : null, h('th', { scope: 'col' }, 'Uploaded'),
        h('th', { scope: 'col' }, 'Length'), h('th', { scope: 'col' }, 'Status'))),
      body)));
    const last = page.offset + page.items.length;
    const total = page.totalCapped ? `more than ${page.total.toLocaleString()}` : page.total;
    fill(pager,
      h('span', { class: 'muted' }, `${page.offset + 1}–${last} of ${total}`),
      h('button', { type: 'button', disabled: page.offset === 0,
        onclick: () => { state.offset = Math.max(0, page.offset - PAGE_SIZE); load(); } }, 'Newer'),
      h('button', { type: 'button', disabled: !page.totalCapped && last >= page.total,
        onclick: () => { state.offset = page.offset + PAGE_SIZE; load(); } }, 'Older'));
  }

  load();
  return () => {
    live.stop();
    typed.cancel();
    newcomer.cancel();
  };
}
