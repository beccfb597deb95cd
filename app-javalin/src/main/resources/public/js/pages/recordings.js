// #/recordings: a teacher's own lessons, a manager's school, everything for a super admin (the server decides).
// Status and progress arrive live through the event stream; search and filters are answered by the server.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, formatDate, formatDuration } from '../ui.js';
import { TEACHER, ADMIN } from '../routes.js';
import { watchRecordings, liveStatus, updateLiveStatus, lessonTitle, debounce } from '../teacher/live.js';

const PAGE_SIZE = 20;
const STATUSES = ['queued', 'processing', 'transcribed', 'completed', 'failed'];
const STATUS_NAMES = { queued: 'Queued', processing: 'Transcribing', transcribed: 'Analysing', completed: 'Completed',
  failed: 'Failed' };

export async function render(main, { me }) {
  const seesOthers = me.role !== TEACHER;
  const state = { offset: 0 };
  const rows = new Map();

  const search = h('input', { type: 'search', name: 'q', placeholder: 'Class, subject, file, notes or words said' });
  const status = h('select', { name: 'status' }, h('option', { value: '' }, 'Any status'),
    STATUSES.map(s => h('option', { value: s }, STATUS_NAMES[s])));
  const subject = h('input', { type: 'text', name: 'subject', placeholder: 'e.g. Maths' });
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const teacher = h('select', { name: 'teacherId' }, h('option', { value: '' }, 'All teachers'));
  const problem = h('div');
  const results = h('div', { class: 'recordings-results', 'aria-live': 'polite' });
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
  const reload = () => { state.offset = 0; load(); };
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
      .then(users => users.filter(u => u.role === 'teacher')
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .forEach(u => teacher.append(h('option', { value: u.id }, u.displayName))))
      .catch(e => problem.append(errorBox(e)));
  }

  function query() {
    const q = new URLSearchParams({ offset: state.offset, limit: PAGE_SIZE });
    for (const [name, el] of [['q', search], ['status', status], ['subject', subject], ['from', from], ['to', to],
      ['teacherId', teacher]]) {
      if (el.value.trim()) q.set(name, el.value.trim());
    }
    return q;
  }

  function filtered() {
    return [search, status, subject, from, to, teacher].some(el => el.value.trim());
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
    const last = Math.min(page.offset + page.items.length, page.total);
    fill(pager,
      h('span', { class: 'muted' }, `${page.offset + 1}–${last} of ${page.total}`),
      h('button', { type: 'button', disabled: page.offset === 0,
        onclick: () => { state.offset = Math.max(0, page.offset - PAGE_SIZE); load(); } }, 'Newer'),
      h('button', { type: 'button', disabled: last >= page.total,
        onclick: () => { state.offset = page.offset + PAGE_SIZE; load(); } }, 'Older'));
  }

  load();
  return () => {
    live.stop();
    typed.cancel();
    newcomer.cancel();
  };
}
