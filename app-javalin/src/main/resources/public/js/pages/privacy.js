// Privacy: the access log (who opened, exported or changed what; filterable, as CSV), the export of everything held
// about a teacher or a school (streamed as a zip, with progress), and erasure on request with its receipts.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, formatDate, toast } from '../ui.js';
import { table } from '../manager/common.js';
import { TEACHER, MANAGER, ADMIN } from '../routes.js';

const ACTIONS = ['sign_in', 'sign_in_failed', 'read_recording', 'read_audio', 'read_transcript', 'read_metrics', 'read_analysis',
  'export', 'change_settings', 'change_user', 'change_template',
  'delete_recording', 'erasure'];
const PAGE = 50;
const POLL_MS = 700;

export async function render(main, { me }) {
  const timers = [];
  const people = me.role === TEACHER ? [] : await api('/api/users').catch(() => []);
  const schools = me.role === ADMIN ? await api('/api/schools').then(p => p.items || p).catch(() => []) : [];
  main.append(title('Privacy'),
    h('p', {}, me.role === TEACHER
      ? 'Who opened your lessons and account, and a copy of everything held about you.'
      : 'Who read, exported or changed what; copies of what is held about a person or a school; erasure on request.'),
    accessLog(me),
    exportSection(me, people, schools, timers),
    me.role === TEACHER ? null : erasureSection(me, people, schools, timers),
    me.role === MANAGER ? await schoolChoices(me) : null);
  return () => timers.forEach(t => clearInterval(t));
}

function accessLog(me) {
  const action = h('select', { name: 'action' }, h('option', { value: '' }, 'Any'),
    ACTIONS.map(a => h('option', { value: a }, a.replace('_', ' '))));
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const csv = h('a', { class: 'button', download: 'access-log.csv' }, 'Download as CSV');
  const list = h('div', { 'aria-live': 'polite' });
  let offset = 0;
  const query = () => {
    const q = new URLSearchParams();
    if (action.value) q.set('action', action.value);
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    return q;
  };
  async function show() {
    const q = query();
    csv.href = `/api/access-log.csv?${q}`;
    q.set('offset', offset);
    q.set('limit', PAGE);
    try {
      const page = await api(`/api/access-log?${q}`);
      fill(list, page.items.length === 0 ? h('p', {}, 'No entries.') : table('Access log',
        ['When', 'Who', 'Did', 'What', 'Whose', 'From'],
        page.items.map(e => h('tr', {},
          h('td', {}, formatDate(e.at)),
          h('td', {}, e.actorName || e.actorId, e.actorRole ? h('small', {}, ` (${e.actorRole})`) : null),
          h('td', {}, e.action.replaceAll('_', ' ')),
          h('td', {}, `${e.targetKind}${e.targetId ? ` ${e.targetId.slice(0, 8)}` : ''}`,
            e.detail ? h('small', { class: 'hint' }, ` ${e.detail}`) : null),
          h('td', {}, e.teacherName || e.teacherId || ''),
          h('td', {}, e.from || '')))),
      h('p', { class: 'pager' }, `${page.total === 0 ? 0 : offset + 1}–${offset + page.items.length} of ${page.total} `,
        h('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); show(); } }, 'Newer'),
        h('button', { type: 'button', disabled: offset + PAGE >= page.total, onclick: () => { offset += PAGE; show(); } }, 'Older')));
    } catch (err) {
      fill(list, errorBox(err));
    }
  }
  const form = h('form', { class: 'filters', onchange: () => { offset = 0; show(); }, onsubmit: e => e.preventDefault() },
    field('Action', action), field('From', from), field('To', to), csv);
  show();
  return h('section', { class: 'card', 'aria-labelledby': 'log-title' },
    h('h2', { id: 'log-title' }, me.role === TEACHER ? 'Who opened my lessons' : 'Access log'), form, list);
}

function personPicker(people) {
  const picker = h('select', { name: 'person' }, people.filter(p => p.role === 'teacher')
    .map(p => h('option', { value: p.id }, `${p.displayName} (${p.email})`)));
  return picker;
}

function exportSection(me, people, schools, timers) {
  const status = h('p', { role: 'status', class: 'export-status' });
  const start = (path) => {
    // getRandomValues works on plain http too (randomUUID needs a secure context)
    const token = Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
    const link = h('a', { href: `${path}?progress=${token}`, download: '' });
    document.body.append(link);
    link.click();
    link.remove();
    fill(status, 'Preparing the export…');
    const timer = setInterval(async () => {
      try {
        const p = await api(`/api/exports/progress/${token}`);
        fill(status, p.finished ? `Export complete: ${p.lessons} lesson(s).`
          : `Writing lessons: ${p.lessonsWritten} of ${p.lessons}…`);
        if (p.finished) clearInterval(timer);
      } catch (err) {
        if (err.status !== 404) { fill(status, errorBox(err)); clearInterval(timer); }
      }
    }, POLL_MS);
    timers.push(timer);
  };
  const controls = [];
  if (me.role === TEACHER) {
    controls.push(h('button', { type: 'button', class: 'primary', onclick: () => start(`/api/exports/teachers/${me.id}`) },
      'Export my data'));
  } else {
    const person = personPicker(people);
    controls.push(field('Teacher', person), h('button', { type: 'button', class: 'primary',
      onclick: () => person.value && start(`/api/exports/teachers/${person.value}`) }, "Export the teacher's data"));
  }
  if (me.role === ADMIN) {
    const school = h('select', { name: 'school' }, schools.map(s => h('option', { value: s.id }, s.name)));
    controls.push(field('School', school), h('button', { type: 'button',
      onclick: () => school.value && start(`/api/exports/schools/${school.value}`) }, "Export the school's data"));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, 'Export on request'),
    h('p', {}, 'One zip file: account, every lesson (metadata, transcript as JSON and SRT, analyses, audio while it is '
      + 'kept), progress, the access log entries and a manifest with checksums.'),
    h('div', { class: 'actions' }, controls), status);
}

function erasureSection(me, people, schools, timers) {
  const list = h('div');
  async function show() {
    try {
      const erasures = await api('/api/erasures');
      fill(list, erasures.length === 0 ? h('p', {}, 'No erasures yet.') : table('Erasures',
        ['Asked', 'Of', 'Status', 'Removed'], erasures.map(e => h('tr', {},
          h('td', {}, formatDate(e.requestedAt)), h('td', {}, `${e.kind} ${e.subjectId.slice(0, 8)}`),
          h('td', {}, e.status.replace('_', ' ')),
          h('td', {}, e.receipt ? `${e.receipt.users} account(s), ${e.receipt.recordings} recording(s), `
            + `${e.receipt.audioFiles} audio file(s), ${e.receipt.transcripts} transcript(s), `
            + `${e.receipt.analyses} analyses, ${e.receipt.apiTokens} token(s)` : '…')))));
    } catch (err) {
      fill(list, errorBox(err));
    }
  }
  const erase = async (kind, id, name) => {
    const typed = prompt(`This removes every recording, audio file, transcript and analysis of ${name}, and the `
      + `account${kind === 'school' ? 's' : ''}, for good. Type the name to confirm:`);
    if (typed === null) return;
    if (typed.trim() !== name) { toast('The name did not match; nothing was erased.', 'error'); return; }
    try {
      await api('/api/erasures', { method: 'POST', body: { kind, subjectId: id } });
      toast(`Erasing ${name}…`);
      show();
    } catch (err) {
      toast(err.message, 'error');
    }
  };
  const person = personPicker(people);
  const controls = [field('Teacher', person), h('button', { type: 'button', class: 'danger', onclick: () => {
    const p = people.find(x => x.id === person.value);
    if (p) erase('teacher', p.id, p.displayName);
  } }, 'Erase the teacher')];
  if (me.role === ADMIN) {
    const school = h('select', { name: 'erase-school' }, schools.map(s => h('option', { value: s.id }, s.name)));
    controls.push(field('School', school), h('button', { type: 'button', class: 'danger', onclick: () => {
      const s = schools.find(x => x.id === school.value);
      if (s) erase('school', s.id, s.name);
    } }, 'Erase the school'));
  }
  show();
  timers.push(setInterval(show, 5000));
  return h('section', { class: 'card', 'aria-labelledby': 'erase-title' },
    h('h2', { id: 'erase-title' }, 'Erasure on request'),
    h('p', {}, 'Erasure closes the accounts at once, then removes their data; if the server stops midway it finishes '
      + 'on the next start. The access log keeps a line that it happened; the receipt below says what went.'),
    h('div', { class: 'actions' }, controls), list);
}

async function schoolChoices(me) {
  const path = `/api/schools/${me.schoolId}/privacy`;
  const current = await api(path);
  const redact = h('input', { type: 'checkbox', name: 'redact', checked: current.redactStudentNames });
  const names = h('textarea', { name: 'class-list', rows: 6 }, current.classList.join('\n'));
  const days = h('input', { type: 'number', name: 'transcript-days', min: 1,
    value: current.transcriptRetentionDays ?? '' });
  const saved = h('p', { role: 'status' });
  const form = h('form', { class: 'card', 'aria-labelledby': 'choices-title', onsubmit: async e => {
    e.preventDefault();
    try {
      await api(path, { method: 'PUT', body: { redactStudentNames: redact.checked,
        classList: names.value.split('\n').map(n => n.trim()).filter(Boolean),
        transcriptRetentionDays: days.value ? Number(days.value) : null } });
      fill(saved, 'Saved. It applies to transcripts stored from now on.');
    } catch (err) {
      fill(saved, errorBox(err));
    }
  } },
  h('h2', { id: 'choices-title' }, "Students' names and transcript retention"),
  field('Replace students\' names in transcripts by "Student A", "Student B"…', redact),
  field('Class list (one name per line)', names, 'Names the lesson itself reveals ("thank you, Maya") are found too.'),
  field('Delete transcripts after (days)', days, 'Empty: keep them as long as the lesson.'),
  h('button', { type: 'submit', class: 'primary' }, 'Save'), saved);
  return form;
}
