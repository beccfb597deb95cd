// #/templates/:id (or #/templates/new): name, scope and weighted criteria; the weight sum is shown as you type and
// must be exactly 100 before the template can be saved (the server checks again).
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, skeleton } from '../ui.js';
import { navigate } from '../app.js';
import { ADMIN } from '../routes.js';
import { own, splitList } from '../manager/common.js';

const TOTAL = 100;

export async function render(page, { params, me }) {
  const main = own(page);
  const creating = params.id === 'new';
  fill(main, title(creating ? 'New template' : 'Template'), skeleton('card', 'Loading the template'));
  let metrics;
  let template;
  try {
    [{ items: metrics }, template] = await Promise.all([api('/api/metrics'),
      creating ? Promise.resolve(null) : api(`/api/templates/${encodeURIComponent(params.id)}`)]);
  } catch (e) {
    fill(main, title('Template'), errorBox(e), h('p', {}, h('a', { href: '#/templates' }, 'Back to templates')));
    return;
  }
  const readOnly = !creating && me.role !== ADMIN && template.schoolId !== me.schoolId;
  const units = Object.fromEntries(metrics.map(m => [m.name, m]));

  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, value: template?.name || '' });
  const description = h('textarea', { name: 'description', rows: 2 }, template?.description || '');
  const category = h('input', { type: 'text', name: 'category', value: template?.category || '' });
  const subjects = h('input', { type: 'text', name: 'subjects', value: (template?.subjects || []).join(', ') });
  const grades = h('input', { type: 'text', name: 'grades', value: (template?.grades || []).join(', ') });
  const rows = h('div', { class: 'criteria' });
  const sum = h('p', { class: 'weight-sum', role: 'status', 'aria-live': 'polite' });
  const problem = h('div');
  const criteria = [];

  const form = h('form', { class: 'card', novalidate: true, onsubmit: save },
    h('div', { class: 'form-grid' }, field('Name', name), field('Category', category, 'For example: Questioning')),
    field('Description', description),
    h('div', { class: 'form-grid' },
      field('Subjects', subjects, 'Separated by commas; empty means any subject.'),
      field('Grades', grades, 'Separated by commas; empty means any grade.')),
    h('h2', {}, 'Criteria'),
    h('p', { class: 'muted' }, 'Each criterion has a weight: its share of the overall score. A measured criterion '
      + 'scores a metric against a target range; a judged one is assessed from its description by the language model.'),
    rows,
    sum,
    readOnly ? null : h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => addCriterion().focus() }, 'Add criterion')),
    problem,
    readOnly ? null : h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, creating ? 'Create template' : 'Save template'),
      h('a', { href: '#/templates' }, 'Cancel')));

  fill(main, title(creating ? 'New template' : `Template: ${template.name}`),
    readOnly ? h('p', { class: 'notice' }, 'This is a global template: you can read it but not change it. '
      + 'Create a new template of your own to use different criteria.') : null,
    form, h('p', {}, h('a', { href: '#/templates' }, 'Back to templates')));
  (template?.criteria || []).forEach(c => addCriterion(c));
  if (!criteria.length) addCriterion();
  if (readOnly) form.querySelectorAll('input, select, textarea, button').forEach(el => { el.disabled = true; });
  updateSum();
  if (!readOnly) name.focus();

  function addCriterion(c = {}) {
    const number = criteria.length + 1;
    const cName = h('input', { type: 'text', name: 'criterion-name', required: true, value: c.name || '' });
    const weight = h('input', { type: 'number', name: 'weight', min: 1, max: 100, step: 1, required: true,
      value: c.weight ?? '', oninput: updateSum });
    const kind = h('select', { name: 'kind' },
      h('option', { value: 'measured', selected: !!c.metric }, 'Measured (a metric and a target)'),
      h('option', { value: 'judged', selected: !c.metric && c.judged !== undefined }, 'Judged (a description)'));
    const metric = h('select', { name: 'metric' }, metrics.map(m => h('option', { value: m.name,
      selected: m.name === c.metric }, `${label(m.name)} (${m.unit})`)));
    const min = h('input', { type: 'number', name: 'min', step: 'any', value: c.min ?? '' });
    const max = h('input', { type: 'number', name: 'max', step: 'any', value: c.max ?? '' });
    const curve = h('select', { name: 'curve' },
      h('option', { value: 'linear', selected: c.curve !== 'step' }, 'Linear: fewer points the further outside'),
      h('option', { value: 'step', selected: c.curve === 'step' }, 'Step: full points inside, none outside'));
    const falloff = h('input', { type: 'number', name: 'falloff', step: 'any', min: 0, value: c.falloff ?? '' });
    const judged = h('textarea', { name: 'judged', rows: 2 }, c.judged || '');
    const range = h('small', { class: 'hint' });
    const measuredPart = h('div', { class: 'form-grid' }, field('Metric', metric), field('Target minimum', min),
      field('Target maximum', max), field('Scoring curve', curve),
      field('Falloff', falloff, 'Linear curve: how far outside the range the score reaches 0.'), range);
    const judgedPart = h('div', {}, field('What to judge', judged));
    const box = h('fieldset', { class: 'criterion' }, h('legend', {}, `Criterion ${number}`),
      h('div', { class: 'form-grid' }, field('Criterion name', cName), field('Weight (%)', weight),
        field('Kind', kind)),
      measuredPart, judgedPart,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', onclick: () => {
        criteria.splice(criteria.indexOf(entry), 1);
        box.remove();
        updateSum();
      } }, `Remove criterion ${number}`)));
    const entry = { box, cName, weight, kind, metric, min, max, curve, falloff, judged };
    const showKind = () => {
      measuredPart.hidden = kind.value !== 'measured';
      judgedPart.hidden = kind.value !== 'judged';
      const m = units[metric.value];
      range.textContent = m ? `Values from ${m.lowest}${m.highest === null ? ' upward' : ` to ${m.highest}`}, in ${m.unit}.` : '';
      falloff.disabled = readOnly || curve.value === 'step';
    };
    kind.addEventListener('change', showKind);
    metric.addEventListener('change', showKind);
    curve.addEventListener('change', showKind);
    showKind();
    criteria.push(entry);
    rows.append(box);
    return cName;
  }

  function total() {
    return criteria.reduce((s, c) => s + (Number.parseInt(c.weight.value, 10) || 0), 0);
  }

  function updateSum() {
    const t = total();
    sum.className = `weight-sum ${t === TOTAL ? 'ok' : 'off'}`;
    sum.textContent = t === TOTAL ? `Weights add up to ${TOTAL}.`
      : `Weights add up to ${t} of ${TOTAL}: ${t < TOTAL ? `${TOTAL - t} still to give` : `${t - TOTAL} too many`}.`;
  }

  async function save(e) {
    e.preventDefault();
    problem.replaceChildren();
    const t = total();
    if (t !== TOTAL) {
      fill(problem, errorBox(`The weights add up to ${t}. They must add up to exactly ${TOTAL} before the template `
        + 'can be saved.'));
      return;
    }
    const body = {
      name: name.value.trim(), description: description.value.trim() || null, category: category.value.trim() || null,
      subjects: splitList(subjects.value), grades: splitList(grades.value),
      criteria: criteria.map(c => c.kind.value === 'measured' ? {
        name: c.cName.value.trim(), weight: Number.parseInt(c.weight.value, 10), metric: c.metric.value,
        min: number(c.min), max: number(c.max), curve: c.curve.value,
        falloff: c.curve.value === 'linear' ? number(c.falloff) : null,
      } : { name: c.cName.value.trim(), weight: Number.parseInt(c.weight.value, 10), judged: c.judged.value.trim() }),
    };
    try {
      const saved = await api(creating ? '/api/templates' : `/api/templates/${encodeURIComponent(params.id)}`,
        { method: creating ? 'POST' : 'PUT', body });
      toast(`"${saved.name}" saved.`, 'success');
      navigate('/templates');
    } catch (err) {
      fill(problem, errorBox(err));
    }
  }
}

function number(input) {
  return input.value.trim() === '' ? null : Number(input.value);
}

/** SPEAKING_RATE_WPM -> "Speaking rate wpm". */
function label(metricName) {
  const words = metricName.toLowerCase().split('_');
  return [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}
