// Super admin: every user, filtered by school, role and status; create any role, edit, deactivate, reset passwords.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast } from '../ui.js';
import { ROLE_LABELS, createAccount, temporaryPasswordNotice, schoolsById } from '../admin/common.js';

export async function render(main, { query, me }) {
  let schools;
  try {
    schools = await schoolsById();
  } catch (err) {
    main.append(title('Users'), errorBox(err));
    return;
  }
  const schoolOptions = () => [...schools.values()].map(s => h('option', { value: s.id }, s.name));
  const schoolFilter = h('select', { name: 'school' }, h('option', { value: '' }, 'All schools'), schoolOptions());
  const roleFilter = h('select', { name: 'role' }, h('option', { value: '' }, 'All roles'),
    Object.entries(ROLE_LABELS).map(([value, label]) => h('option', { value }, label)));
  const statusFilter = h('select', { name: 'status' }, h('option', { value: 'true' }, 'Active'),
    h('option', { value: 'false' }, 'Deactivated'), h('option', { value: '' }, 'Active and deactivated'));
  schoolFilter.value = query.get('schoolId') || '';
  const list = h('div', { class: 'table-wrap' });
  const panel = h('div');
  const filters = h('form', { class: 'card filters', onchange: refresh, onsubmit: e => { e.preventDefault(); refresh(); } },
    field('School', schoolFilter), field('Role', roleFilter), field('Status', statusFilter));

  main.append(title('Users'),
    h('div', { class: 'actions page-actions' },
      h('button', { type: 'button', class: 'primary', onclick: showCreateForm }, 'New user')),
    panel, filters, list);

  async function refresh() {
    const params = new URLSearchParams();
    if (schoolFilter.value) params.set('schoolId', schoolFilter.value);
    if (roleFilter.value) params.set('role', roleFilter.value);
    if (statusFilter.value) params.set('active', statusFilter.value);
    try {
      const users = await api(`/api/users?${params}`);
      fill(list, users.length === 0 ? h('p', { class: 'empty' }, 'No user matches these filters.')
        : h('table', { class: 'admin-table' }, h('thead', {}, h('tr', {}, ['Name', 'Email', 'Role', 'School', 'Status', 'Actions']
          .map(c => h('th', { scope: 'col' }, c)))), h('tbody', {}, users.map(row))));
    } catch (err) {
      fill(list, errorBox(err));
    }
  }

  function row(user) {
    const self = user.id === me.id;
    return h('tr', { dataset: { user: user.email } },
      h('td', { dataset: { label: 'Name' } }, user.displayName),
      h('td', { dataset: { label: 'Email' } }, user.email),
      h('td', { dataset: { label: 'Role' } }, ROLE_LABELS[user.role] || user.role),
      h('td', { dataset: { label: 'School' } }, user.schoolId ? (schools.get(user.schoolId)?.name || user.schoolId) : '–'),
      h('td', { dataset: { label: 'Status' } }, user.active
        ? h('span', { class: 'badge status-completed' }, 'Active') : h('span', { class: 'badge' }, 'Deactivated')),
      h('td', { class: 'row-actions' },
        h('button', { type: 'button', onclick: () => showEditForm(user) }, 'Edit'),
        self ? null : h('button', { type: 'button', class: user.active ? 'danger' : null,
          onclick: () => setActive(user, !user.active) }, user.active ? 'Deactivate' : 'Reactivate'),
        self ? null : h('button', { type: 'button', onclick: () => resetPassword(user) }, 'Temporary password')));
  }

  async function setActive(user, active) {
    try {
      await api(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { active } });
      toast(`${user.displayName} ${active ? 'reactivated' : 'deactivated'}.`, 'success');
      await refresh();
    } catch (err) {
      fill(panel, errorBox(err));
    }
  }

  async function resetPassword(user) {
    try {
      const issued = await api(`/api/users/${encodeURIComponent(user.id)}/temporary-password`, { method: 'POST' });
      fill(panel, h('div', { class: 'card' }, temporaryPasswordNotice(issued),
        h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Done')));
    } catch (err) {
      fill(panel, errorBox(err));
    }
  }

  function showCreateForm() {
    const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, autocomplete: 'off' });
    const email = h('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' });
    const role = h('select', { name: 'role' },
      Object.entries(ROLE_LABELS).map(([value, label]) => h('option', { value }, label)));
    const school = h('select', { name: 'schoolId', required: true }, schoolOptions());
    if (schoolFilter.value) school.value = schoolFilter.value;
    const schoolField = field('School', school, 'Super admins belong to no school.');
    role.addEventListener('change', () => {
      const admin = role.value === 'super_admin';
      school.disabled = admin;
      schoolField.hidden = admin;
    });
    const message = h('div');
    fill(panel, h('form', { class: 'card new-user', onsubmit: async e => {
      e.preventDefault();
      message.replaceChildren();
      try {
        const created = await createAccount({ email: email.value, displayName: displayName.value, role: role.value,
          schoolId: school.value });
        fill(panel, h('div', { class: 'card' }, h('h2', {}, 'User created'), temporaryPasswordNotice(created),
          h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Done')));
        await refresh();
      } catch (err) {
        message.append(errorBox(err));
      }
    } }, h('h2', {}, 'New user'), field('Name', displayName), field('Email', email), field('Role', role),
    schoolField, message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create user'),
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Cancel'))));
    displayName.focus();
  }

  function showEditForm(user) {
    const displayName = h('input', { name: 'displayName', required: true, maxlength: 200, value: user.displayName });
    const email = h('input', { name: 'email', type: 'email', required: true, value: user.email });
    const role = user.role === 'super_admin' ? null : h('select', { name: 'role' },
      h('option', { value: 'teacher' }, ROLE_LABELS.teacher),
      h('option', { value: 'school_manager' }, ROLE_LABELS.school_manager));
    if (role) role.value = user.role;
    const message = h('div');
    fill(panel, h('form', { class: 'card', onsubmit: async e => {
      e.preventDefault();
      message.replaceChildren();
      const body = { displayName: displayName.value, email: email.value };
      if (role) body.role = role.value;
      try {
        await api(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body });
        toast(`${displayName.value} saved.`, 'success');
        panel.replaceChildren();
        await refresh();
      } catch (err) {
        message.append(errorBox(err));
      }
    } }, h('h2', {}, `Edit ${user.displayName}`), field('Name', displayName), field('Email', email),
    role ? field('Role', role, 'Within the school: teacher or school manager.') : null, message,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save'),
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, 'Cancel'))));
    displayName.focus();
  }

  await refresh();
}
