// #/teachers: the school's people: add, edit, deactivate or reactivate, temporary passwords, CSV import.
import { api, readResponse, CLIENT_HEADERS, ApiError } from '../api.js';
import { h, fill, field, errorBox, title, toast } from '../ui.js';
import { own, passwordReveal, table } from '../manager/common.js';

const ROLE_NAMES = { teacher: 'Teacher', school_manager: 'School manager' };

export async function render(page, { me }) {
  const main = own(page);
  const list = h('div', { 'aria-live': 'polite' });
  const outcome = h('div');
  fill(main, h('div', { class: 'page-head' }, title('Teachers')), outcome, addForm(), importForm(), h('h2', {}, 'People'),
    list);
  await load();

  async function load() {
    try {
      const users = await api(`/api/users?schoolId=${encodeURIComponent(me.schoolId)}`);
      users.sort((a, b) => a.displayName.localeCompare(b.displayName));
      fill(list, table('People of the school', ['Name', 'Email', 'Role', 'Status', 'Actions'],
        users.map(row)));
    } catch (e) {
      fill(list, errorBox(e));
    }
  }

  function row(user) {
    const self = user.id === me.id;
    return h('tr', { dataset: { email: user.email } },
      h('td', {}, user.displayName),
      h('td', {}, user.email),
      h('td', {}, ROLE_NAMES[user.role] || user.role),
      h('td', {}, h('span', { class: `badge ${user.active ? 'active' : 'deactivated'}` },
        user.active ? 'Active' : 'Deactivated')),
      h('td', {}, h('div', { class: 'row-actions' },
        user.role === 'teacher'
          ? h('a', { href: `#/teachers/${encodeURIComponent(user.id)}/progress` }, 'Progress') : null,
        h('button', { type: 'button', onclick: () => edit(user) }, 'Edit'),
        self ? null : h('button', { type: 'button', class: user.active ? 'danger' : null,
          onclick: () => setActive(user, !user.active) }, user.active ? 'Deactivate' : 'Reactivate'),
        self || user.role !== 'teacher' ? null
          : h('button', { type: 'button', onclick: () => newPassword(user) }, 'Temporary password'))));
  }

  async function setActive(user, active) {
    if (!active && !confirm(`Deactivate ${user.displayName}? They will be signed out and cannot sign in until reactivated.`)) {
      return;
    }
    try {
      await api(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { active } });
      toast(`${user.displayName} is ${active ? 'active again' : 'deactivated'}.`, 'success');
      fill(outcome);
      await load();
    } catch (e) {
      fill(outcome, errorBox(e));
    }
  }

  async function newPassword(user) {
    if (!confirm(`Give ${user.displayName} a new temporary password? Their current password stops working.`)) return;
    try {
      const answer = await api(`/api/users/${encodeURIComponent(user.id)}/temporary-password`, { method: 'POST' });
      fill(outcome, passwordReveal(answer.user, answer.temporaryPassword));
      await load();
    } catch (e) {
      fill(outcome, errorBox(e));
    }
  }

  function edit(user) {
    const name = h('input', { type: 'text', value: user.displayName, required: true, maxlength: 200 });
    const email = h('input', { type: 'email', value: user.email, required: true });
    const problem = h('div');
    const form = h('form', { class: 'card', 'aria-label': `Edit ${user.displayName}`, onsubmit: async e => {
      e.preventDefault();
      try {
        await api(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH',
          body: { displayName: name.value, email: email.value } });
        toast('Saved.', 'success');
        fill(outcome);
        await load();
      } catch (err) {
        fill(problem, errorBox(err));
      }
    } },
    h('h2', {}, `Edit ${user.displayName}`),
    h('div', { class: 'form-grid' }, field('Name', name), field('Email', email)),
    problem,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save changes'),
      h('button', { type: 'button', onclick: () => fill(outcome) }, 'Cancel')));
    fill(outcome, form);
    name.focus();
  }

  function addForm() {
    const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
    const email = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'off' });
    const problem = h('div');
    const form = h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      problem.replaceChildren();
      try {
        // Without a password the server gives the account a temporary one, which the teacher must change.
        const { temporaryPassword, ...user } = await api('/api/users', { method: 'POST',
          body: { displayName: name.value, email: email.value, role: 'teacher' } });
        fill(outcome, passwordReveal(user, temporaryPassword));
        form.reset();
        await load();
      } catch (err) {
        fill(problem, errorBox(err));
      }
    } },
    h('h2', {}, 'Add a teacher'),
    h('div', { class: 'form-grid' }, field('Name', name), field('Email', email)),
    problem,
    h('button', { type: 'submit', class: 'primary' }, 'Add teacher'));
    return form;
  }

  function importForm() {
    const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
    const problem = h('div', { 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'primary' }, 'Import');
    const form = h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      problem.replaceChildren();
      if (!file.files.length) {
        fill(problem, errorBox('Choose a CSV file first.'));
        return;
      }
      const body = new FormData();
      body.append('file', file.files[0]);
      submit.disabled = true;
      fill(problem, h('p', { class: 'muted', role: 'status' }, 'Checking every row…'));
      try {
        const answer = await upload(body);
        fill(problem, h('p', { class: 'notice', role: 'status' },
          `${answer.created.length} accounts created. Give each person their temporary password; `
          + 'it is shown only now and must be changed at first sign-in.'),
        table('Accounts created', ['Name', 'Email', 'Temporary password'], answer.created.map(c => h('tr', {},
          h('td', {}, c.user.displayName), h('td', {}, c.user.email),
          h('td', {}, h('code', { class: 'temp-password' }, c.temporaryPassword))))));
        form.reset();
        await load();
      } catch (err) {
        fill(problem, errorBox(err), err.problems ? table('Problems in the file', ['Row', 'Column', 'Problem'],
          err.problems.map(p => h('tr', {}, h('td', {}, p.row), h('td', {}, p.column || '–'),
            h('td', {}, p.message)))) : null);
      } finally {
        submit.disabled = false;
      }
    } },
    h('h2', {}, 'Import teachers from a CSV file'),
    h('p', {}, 'One person per row, with the header ', h('code', {}, 'name,email,role'),
      ' (role is optional: teacher, or school_manager for super admins). Every row is checked before anyone is '
      + 'created: if any row has a problem, nobody is created and every problem is listed. ',
      h('a', { href: '/examples/teachers.csv', download: 'teachers.csv' }, 'Download an example file.')),
    field('CSV file', file),
    h('div', { class: 'actions' }, submit),
    problem);
    return form;
  }
}

/** The import answers 400 with a list of problems; keep them on the error. */
async function upload(body) {
  const response = await fetch('/api/users/import', { method: 'POST', body, credentials: 'same-origin',
    headers: { Accept: 'application/json', ...CLIENT_HEADERS } });
  if (response.status === 400) {
    const answer = await response.json().catch(() => ({}));
    const error = new ApiError(400, answer.error || 'http_400', answer.message || 'The file was refused.');
    error.problems = answer.problems;
    throw error;
  }
  return readResponse(response, '/api/users/import');
}
