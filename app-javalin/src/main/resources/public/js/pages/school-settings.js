// #/school-settings: what the school's teachers see and how its lessons are analysed.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, skeleton } from '../ui.js';
import { own } from '../manager/common.js';

export async function render(page, { me }) {
  const main = own(page);
  const path = `/api/schools/${encodeURIComponent(me.schoolId)}/settings`;
  fill(main, title('School settings'), skeleton('card', 'Loading the settings'));
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
  const goal = h('input', { type: 'number', name: 'scoreGoal', id: 'score-goal', min: settings.minScoreGoal,
    max: settings.maxScoreGoal, step: 1, value: settings.scoreGoal, required: true });
  const retention = retentionChoice(settings);
  const problem = h('div');
  const form = h('form', { class: 'card', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    problem.replaceChildren();
    const audioRetentionHours = retention.hours();
    if (audioRetentionHours === undefined) {
      fill(problem, errorBox('Enter how long to keep lesson audio, or choose the installation\'s period.'));
      retention.focus();
      return;
    }
    if (!retention.confirmShorter(audioRetentionHours)) {
      retention.focus();
      return;
    }
    try {
      const saved = await api(path, { method: 'PUT', body: { hideScoresFromTeachers: hide.checked,
        rubricEnabled: rubric.checked, defaultTemplateId: template.value, audioRetentionHours,
        scoreGoal: Number(goal.value) } });
      retention.show(saved);
      toast('Settings saved.', 'success');
    } catch (err) {
      fill(problem, errorBox(err));
    }
  } },
  h('div', { class: 'check' }, hide, h('label', { for: hide.id },
    h('strong', {}, 'Hide numeric scores from teachers'), h('br'),
    h('span', { class: 'hint' }, 'Teachers still see their metrics, evidence and written feedback; the server then '
      + 'sends them no score at all, nor the template weights, targets and curves a score could be worked out '
      + 'from.'))),
  field('Default template', template, 'Run on every upload that names no template.'),
  field('Goal score', goal, `Scores run from 0 to 100. A criterion meets the goal from this score and is approaching `
    + `it within 20 points below; between ${settings.minScoreGoal} and ${settings.maxScoreGoal}.`),
  h('div', { class: 'check' }, rubric, h('label', { for: rubric.id },
    h('strong', {}, 'Written feedback from the language model'), h('br'),
    h('span', { class: 'hint' }, 'Judged criteria and the rubric feedback need it; the provider is chosen by the '
      + 'system administrator.'))),
  retention.element,
  problem,
  h('button', { type: 'submit', class: 'primary' }, 'Save settings'));
  fill(main, title('School settings'), form);
}

/** "36 hours", "3 days", "1 hour". */
function period(hours) {
  if (hours >= 24 && hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  const shown = Number.isInteger(hours) ? hours : hours.toFixed(1);
  return hours === 1 ? '1 hour' : `${shown} hours`;
}

/**
 * How long the school keeps lesson audio: the installation's period or one of its own, in hours or days, within the
 * bounds the installation sets (the server checks them and says why a value is refused).
 */
function retentionChoice(settings) {
  const own = settings.audioRetentionHours;
  const installation = h('input', { type: 'radio', name: 'retention', id: 'retention-installation',
    value: 'installation', checked: own === null });
  const chosen = h('input', { type: 'radio', name: 'retention', id: 'retention-own', value: 'own',
    checked: own !== null });
  const inDays = own === null ? settings.effectiveAudioRetentionHours % 24 === 0 : own % 24 === 0;
  const startHours = own === null ? settings.effectiveAudioRetentionHours : own;
  const amount = h('input', { type: 'number', name: 'retentionAmount', min: '1', step: '1', inputmode: 'numeric',
    value: String(inDays ? startHours / 24 : startHours) });
  const unit = h('select', { name: 'retentionUnit' },
    h('option', { value: 'hours', selected: !inDays }, 'hours'),
    h('option', { value: 'days', selected: inDays }, 'days'));
  const now = h('p', { class: 'notice', role: 'status' });
  const sync = () => {
    amount.disabled = installation.checked;
    unit.disabled = installation.checked;
  };
  installation.addEventListener('change', sync);
  chosen.addEventListener('change', sync);
  sync();
  let inForce = settings.effectiveAudioRetentionHours;
  const show = s => {
    inForce = s.effectiveAudioRetentionHours;
    const capped = s.audioRetentionHours !== null && s.audioRetentionHours > s.effectiveAudioRetentionHours;
    fill(now, `Lesson audio is now deleted ${period(s.effectiveAudioRetentionHours)} after its transcript is ready.`,
      capped ? ` Your administrator has since lowered the longest period allowed, so that is used instead of the `
        + `${period(s.audioRetentionHours)} chosen here.` : '');
  };
  show(settings);
  const element = h('fieldset', { class: 'retention' },
    h('legend', {}, 'How long lesson audio is kept'),
    h('p', { class: 'hint' }, 'Audio is deleted automatically once this time has passed after its transcript is '
      + 'ready; transcripts, metrics and analyses stay. A change applies to lessons already recorded too.'),
    h('div', { class: 'check' }, installation, h('label', { for: installation.id },
      `The installation's period (${period(settings.installationAudioRetentionHours)})`)),
    h('div', { class: 'check' }, chosen, h('label', { for: chosen.id }, 'A period of our own')),
    h('div', { class: 'retention-amount' },
      field('Keep audio for', amount, `From ${period(settings.minAudioRetentionHours)} to `
        + `${period(settings.maxAudioRetentionHours)}, the longest your administrator allows.`),
      field('Unit', unit)),
    now);
  return {
    element,
    show,
    focus: () => amount.focus(),
    /** A shorter period deletes audio that is already kept: nothing is sent until the manager agrees. */
    confirmShorter: wanted => {
      const next = Math.min(wanted === null ? settings.installationAudioRetentionHours : wanted,
        settings.maxAudioRetentionHours);
      return next >= inForce || confirm(`Audio of lessons whose transcript is older than ${period(next)} will be `
        + `deleted at the next retention run, which cannot be undone. Keep audio for ${period(next)} instead of `
        + `${period(inForce)}?`);
    },
    /** null: the installation's period; undefined: nothing entered. */
    hours: () => {
      if (installation.checked) return null;
      if (amount.value.trim() === '') return undefined;
      return Number(amount.value) * (unit.value === 'days' ? 24 : 1);
    },
  };
}
