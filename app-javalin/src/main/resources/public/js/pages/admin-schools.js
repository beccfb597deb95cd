// Super admin: every school with its counts; create, rename, and add a school's managers.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, formatDate } from '../ui.js';
import { createAccount, temporaryPasswordNotice } from '../admin/common.js';

export async function render(main) {
  const list = h('div', { class: 'table-wrap' });
  const detail = h('div');
  const problem = h('div');

  const name = h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
  const createForm = h('form', { class: 'card', onsubmit: async e => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      const school = await api('/api/schools', { method: 'POST', body: { name: name.value } });
      name.value = '';
      toast(`${school.name} created.`, 'success');
      await refresh();
      showManagerForm(school);
    } catch (err) {
      problem.append(errorBox(err));
    }
  } },
  h('h2', {}, 'New school'),
  h('div', { class: 'inline-form' }, field('School name', name),
    h('button', { type: 'submit', class: 'primary' }, 'Create school')),
  problem);

  main.append(title('Schools'), createForm, detail, list);

  async function refresh() {
    try {
      const schools = await api('/api/admin/schools');
      fill(list, schools.length === 0 ? h('p', { class: 'empty' }, 'No schools yet: create the first one above.')
        : h('table', { class: 'admin-table' }, h('caption', { class: 'visually-hidden' }, 'Schools'),
          h('thead', {}, h('tr', {}, ['School', 'Teachers', 'Managers', 'Recordings', 'Created', 'Actions']
            .map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, schools.map(row))));
    } catch (err) {
      fill(list, errorBox(err));
    }
  }

  function row(school) {
    const nameCell = h('td', { dataset: { label: 'School' } }, school.name);
    return h('tr', { dataset: { school: school.id } },
      nameCell,
      h('td', { dataset: { label: 'Teachers' } }, String(school.teachers)),
      h('td', { dataset: { label: 'Managers' } }, school.managers === 0
        ? h('span', { class: 'badge status-failed' }, 'none') : String(school.managers)),
      h('td', { dataset: { label: 'Recordings' } }, String(school.recordings)),
      h('td', { dataset: { label: 'Created' } }, formatDate(school.createdAt)),
      h('td', { class: 'row-actions' },
        h('button', { type: 'button', onclick: () => renameIn(nameCell, school) }, `Rename`),
        h('button', { type: 'button', onclick: () => showManagerForm(school) }, 'Add manager'),
        h('a', { href: `#/admin/users?schoolId=${encodeURIComponent(school.id)}` }, 'Users')));
  }

  function renameIn(cell, school) {
    const input = h('input', { value: school.name, required: true, maxlength: 200, 'aria-label': `New name for ${school.name}` });
    const message = h('div');
    fill(cell, h('form', { class: 'inline-form', onsubmit: async e => {
      e.preventDefault();
      message.replaceChildren();
      try {
        const renamed = await api(`/api/schools/${encodeURIComponent(school.id)}`, { method: 'PATCH',
          body: { name: input.value } });
        toast(`Renamed to ${renamed.name}.`, 'success');
        await refresh();
      } catch (err) {
        message.append(errorBox(err));
      }
    } }, input, h('button', { type: 'submit', class: 'primary' }, 'Save'),
    h('button', { type: 'button', onclick: refresh }, 'Cancel'), message));
    input.focus();
    input.select();
  }

  function showManagerForm(school) {
    const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, autocomplete: 'off' });
    const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
    const message = h('div');
    fill(detail, h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      message.replaceChildren();
      try {
        const created = await createAccount({ email: email.value, displayName: displayName.value,
          role: 'school_manager', schoolId: school.id });
        fill(detail, h('div', { class: 'card' }, h('h2', {}, `Manager of ${school.name}`),
          temporaryPasswordNotice(created),
          h('button', { type: 'button', onclick: () => detail.replaceChildren() }, 'Done')));
        await refresh();
      } catch (err) {
        message.append(errorBox(err));
      }
    } },
    h('h2', {}, `Add a manager to ${school.name}`),
    h('p', { class: 'hint' }, 'The manager gets a temporary password, shown once, and chooses their own when they first sign in.'),
    field('Manager\'s name', displayName), field('Manager\'s email', email), message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create manager'),
      h('button', { type: 'button', onclick: () => detail.replaceChildren() }, 'Cancel'))));
    displayName.focus();
  }

  await refresh();
}
