// #/school-settings: what the school's teachers see and how its lessons are analysed.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast } from '../ui.js';
import { own } from '../manager/common.js';

export async function render(page, { me }) {
  const main = own(page);
  const path = `/api/schools/${encodeURIComponent(me.schoolId)}/settings`;
  fill(main, title('School settings'), h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  let settings;
  let templates;
  try {
    [settings, { items: templates }] = await Promise.all([api(path), api('/api/templates')]);
  } catch (e) {
    fill(main, title('School settings'), errorBox(e));
    return;
  }
  const hide = h('input', { type: 'checkbox', id: 'hide-scores', checked: settings.hideScoresFromTeachers });
  const rubric = h('input', { type: 'checkbox', id: 'rubric', checked: settings.rubricEnabled });
  const template = h('select', { name: 'defaultTemplate' },
    h('option', { value: '' }, 'None: analyse only when the uploader chooses a template'),
    templates.map(t => h('option', { value: t.id, selected: t.id === settings.defaultTemplateId },
      `${t.name}${t.schoolId === null ? ' (global)' : ''}`)));
  const problem = h('div');
  const form = h('form', { class: 'card', onsubmit: async e => {
    e.preventDefault();
    problem.replaceChildren();
    try {
      await api(path, { method: 'PUT', body: { hideScoresFromTeachers: hide.checked,
        rubricEnabled: rubric.checked, defaultTemplateId: template.value } });
      toast('Settings saved.', 'success');
    } catch (err) {
      fill(problem, errorBox(err));
    }
  } },
  h('div', { class: 'check' }, hide, h('label', { for: hide.id },
    h('strong', {}, 'Hide numeric scores from teachers'), h('br'),
    h('span', { class: 'hint' }, 'Teachers still see their metrics, evidence and written feedback; the server then '
      + 'sends them no score at all.'))),
  field('Default template', template, 'Run on every upload that names no template.'),
  h('div', { class: 'check' }, rubric, h('label', { for: rubric.id },
    h('strong', {}, 'Written feedback from the language model'), h('br'),
    h('span', { class: 'hint' }, 'Judged criteria and the rubric feedback need it; the provider is chosen by the '
      + 'system administrator.'))),
  h('h2', {}, 'Retention'),
  h('p', {}, 'Lesson audio is deleted automatically a set time after its transcript is ready (24 hours unless your '
    + 'administrator changed it); transcripts and analyses stay. The period is set for the whole installation.'),
  problem,
  h('button', { type: 'submit', class: 'primary' }, 'Save settings'));
  fill(main, title('School settings'), form);
}
