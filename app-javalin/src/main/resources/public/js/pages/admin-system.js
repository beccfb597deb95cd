// Super admin: what the workers use. The Whisper model and the language model for rubric feedback can change while
// the system runs (the next job and the next analysis use them); the rest is set by the deployment's environment.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, formatDate, formatBytes } from '../ui.js';

const DEPLOYMENT = '';
const AVAILABILITY = { installed: 'installed', not_installed: 'not installed', unknown: 'on the workers?' };

export async function render(main) {
  const body = h('div');
  main.append(title('System settings'), body);
  try {
    show(body, await api('/api/admin/system'));
  } catch (err) {
    fill(body, errorBox(err));
  }
}

function show(body, system) {
  const { transcription, rubric } = system;
  const message = h('div');

  const model = h('select', { name: 'transcriptionModel', disabled: !transcription.modelsChoosable },
    h('option', { value: DEPLOYMENT }, `As deployed (${transcription.deploymentModel})`),
    transcription.models.map(m => h('option', { value: m.name, disabled: m.availability === 'not_installed' },
      `${m.name} – ${AVAILABILITY[m.availability]}${m.sizeBytes ? `, ${formatBytes(m.sizeBytes)}` : ''}`
      + `${m.deploymentDefault ? ' (the deployment\'s)' : ''}`)));
  model.value = transcription.chosenModel || DEPLOYMENT;

  const provider = h('select', { name: 'provider' },
    h('option', { value: DEPLOYMENT }, `As deployed (${describe(rubric.deployment)})`),
    h('option', { value: 'none' }, 'None: no rubric feedback'),
    h('option', { value: 'openai' }, 'OpenAI-compatible server'),
    h('option', { value: 'bedrock' }, 'Amazon Bedrock'));
  const chosen = rubric.chosen;
  provider.value = chosen ? chosen.provider : DEPLOYMENT;
  const baseUrl = h('input', { name: 'baseUrl', inputmode: 'url', autocomplete: 'off', placeholder: 'https://api.openai.com/v1',
    value: chosen?.baseUrl || '' });
  const modelName = h('input', { name: 'model', maxlength: 200, placeholder: 'e.g. gpt-4o-mini or llama3.1',
    value: chosen?.model || '' });
  const baseUrlField = field('Base URL', baseUrl, 'The API root of the server, e.g. http://localhost:11434/v1 for Ollama.');
  const modelField = field('Model', modelName, 'The model name (OpenAI-compatible) or the Bedrock model id.');
  const keyNote = h('p', { class: 'hint' });
  const sync = () => {
    const p = provider.value;
    baseUrlField.hidden = p !== 'openai';
    modelField.hidden = p !== 'openai' && p !== 'bedrock';
    baseUrl.required = p === 'openai';
    modelName.required = p === 'openai' || p === 'bedrock';
    fill(keyNote, keyText(rubric, p, baseUrl.value));
  };
  provider.addEventListener('change', sync);
  baseUrl.addEventListener('input', sync);
  sync();

  const form = h('form', { class: 'system-form', onsubmit: async e => {
    e.preventDefault();
    message.replaceChildren();
    const p = provider.value;
    const request = {
      transcriptionModel: model.value || null,
      rubric: p === DEPLOYMENT ? null : { provider: p, baseUrl: p === 'openai' ? baseUrl.value : null,
        model: p === 'none' ? null : modelName.value },
    };
    try {
      const saved = await api('/api/admin/system', { method: 'PUT', body: request });
      toast('Saved. The next job and the next analysis use these settings.', 'success');
      show(body, saved);
    } catch (err) {
      message.append(errorBox(err));
    }
  } },
  h('section', { class: 'card' }, h('h2', {}, 'Transcription'),
    h('p', {}, 'Engine: ', h('strong', {}, transcription.engine), ' ',
      h('span', { class: 'hint' }, '(set by CLASSREFLECT_ENGINE; changing it needs a restart)')),
    transcription.modelsChoosable ? null
      : h('p', { class: 'notice' }, `The ${transcription.engine} engine takes no model.`),
    field('Whisper model for new jobs', model, 'Models must be downloaded first: '
      + 'classreflect-worker models pull <name>. A job already running keeps its model.')),
  h('section', { class: 'card' }, h('h2', {}, 'Language model for rubric feedback'),
    h('p', {}, 'In force now: ', h('strong', {}, describe(rubric.inForce))),
    field('Provider', provider), baseUrlField, modelField, keyNote),
  message,
  h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings')));

  fill(body, form,
    system.updatedAt ? h('p', { class: 'hint' }, `Last changed ${formatDate(system.updatedAt)}.`) : null,
    h('section', { class: 'card' }, h('h2', {}, 'Set by the deployment'),
      h('p', { class: 'hint' }, 'These are read when the server and the workers start: change the environment '
        + 'variable and restart them.'),
      h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' },
        h('thead', {}, h('tr', {}, ['Setting', 'Value', 'Meaning'].map(c => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, system.fixed.map(f => h('tr', {},
          h('td', { dataset: { label: 'Setting' } }, h('code', {}, f.setting)),
          h('td', { dataset: { label: 'Value' } }, f.value === '' ? h('span', { class: 'hint' }, '(not set)') : f.value),
          h('td', { dataset: { label: 'Meaning' } }, f.meaning))))))));
}

function describe(choice) {
  if (!choice || choice.provider === 'none') return 'none';
  const where = choice.provider === 'openai' ? ` at ${choice.baseUrl}` : ' (Amazon Bedrock)';
  return `${choice.model || '(no model)'}${where}`;
}

function keyText(rubric, provider, baseUrl) {
  if (!rubric.apiKeyConfigured) {
    return 'No API key is configured (CLASSREFLECT_RUBRIC_API_KEY): requests go without one, as Ollama, vLLM or LM Studio expect.';
  }
  const trim = url => url.trim().replace(/\/$/, '').toLowerCase();
  if (provider === 'openai' && trim(baseUrl) !== trim(rubric.apiKeyBaseUrl)) {
    return 'An API key is configured, but it is sent only to the deployment\'s own base URL '
      + `(${rubric.apiKeyBaseUrl}); requests to this one go without it.`;
  }
  return 'An API key is configured (CLASSREFLECT_RUBRIC_API_KEY); it is never shown here.';
}
