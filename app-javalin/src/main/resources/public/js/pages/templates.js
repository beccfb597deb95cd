// #/templates: the school's templates (editable) and the global ones (read-only for school managers).
import { api } from '../api.js';
import { h, fill, errorBox, title, toast } from '../ui.js';
import { navigate } from '../app.js';
import { own, table } from '../manager/common.js';
import { ADMIN } from '../routes.js';

export async function render(page, { me }) {
  const main = own(page);
  const problem = h('div');
  const list = h('div');
  fill(main, h('div', { class: 'page-head' }, title('Templates'),
    h('a', { class: 'button primary', href: '#/templates/new' }, 'New template')),
  h('p', {}, 'A template says what a lesson is scored against: weighted criteria that add up to 100. '
    + 'Global templates are shared by every school; to change one, Copy it into a template of your own.'),
  problem, list);
  await load();

  async function load() {
    try {
      const { items } = await api('/api/templates');
      items.sort((a, b) => (a.schoolId === null) - (b.schoolId === null) || a.name.localeCompare(b.name));
      fill(list, items.length ? table('Templates', ['Name', 'Category', 'Used by', 'Criteria', 'Version', 'Actions'],
        items.map(row)) : h('p', { class: 'muted' }, 'There are no templates yet.'));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }

  function row(t) {
    const editable = me.role === ADMIN || (t.schoolId !== null && t.schoolId === me.schoolId);
    const href = `#/templates/${encodeURIComponent(t.id)}`;
    return h('tr', { dataset: { template: t.name } },
      h('td', {}, h('a', { href }, t.name)),
      h('td', {}, t.category || '–'),
      h('td', {}, t.schoolId === null ? h('span', { class: 'badge' }, 'Global') : 'This school'),
      h('td', {}, t.criteria.length),
      h('td', {}, t.version),
      h('td', {}, h('div', { class: 'row-actions' },
        h('a', { href }, editable ? 'Edit' : 'View'),
        h('button', { type: 'button', onclick: () => copy(t), 'aria-label': `Copy ${t.name}` }, 'Copy'),
        editable ? h('button', { type: 'button', class: 'danger', onclick: () => remove(t) }, 'Delete') : null)));
  }

  /** A new template of the reader's own with the same criteria, opened in the editor to change. */
  async function copy(t) {
    try {
      const whole = await api(`/api/templates/${encodeURIComponent(t.id)}`);
      const created = await api('/api/templates', { method: 'POST', body: { name: `Copy of ${whole.name}`,
        description: whole.description, category: whole.category, subjects: whole.subjects, grades: whole.grades,
        criteria: whole.criteria } });
      toast(`"${created.name}" created. Change it and save.`, 'success');
      navigate(`/templates/${encodeURIComponent(created.id)}`);
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }

  async function remove(t) {
    if (!confirm(`Delete the template "${t.name}"? Analyses already made with it keep their results.`)) return;
    try {
      await api(`/api/templates/${encodeURIComponent(t.id)}`, { method: 'DELETE' });
      toast(`"${t.name}" deleted.`, 'success');
      await load();
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }
}
