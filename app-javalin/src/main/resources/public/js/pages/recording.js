// #/recordings/:id: listen to the lesson with its transcript (the word being said is highlighted; a segment or a
// piece of evidence plays from its moment), the measured metrics, the analyses, exports, retry and delete.
// What the reader may see is decided by the server: a recording of someone else is "not found", and scores the
// school hides from teachers never arrive here.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, formatDate, formatDuration, formatBytes } from '../ui.js';
import { navigate } from '../app.js';
import { HOME } from '../routes.js';
import { watchRecordings, liveStatus, updateLiveStatus, lessonTitle, humanise, formatValue, clock }
  from '../teacher/live.js';
import { TranscriptPlayer } from '../teacher/player.js';

const EXPORTS = [['txt', 'Text'], ['srt', 'SRT subtitles'], ['vtt', 'WebVTT'], ['json', 'JSON'], ['csv', 'CSV words']];
const FINISHED = ['completed', 'failed'];

export async function render(main, { params, me }) {
  const id = params.id;
  const base = `/api/recordings/${encodeURIComponent(id)}`;
  let recording;
  try {
    recording = await api(base);
  } catch (e) {
    fill(main, title(e.status === 404 ? 'Recording not found' : 'Recording'), errorBox(e.status === 404
      ? 'There is no recording at this address, or it is not one you can see.' : e),
    h('p', {}, h('a', { href: `#${HOME[me.role]}` }, 'Back to your start page')));
    return;
  }

  const status = liveStatus(recording);
  const problem = h('div');
  const actions = h('div', { class: 'actions' });
  const details = h('dl', { class: 'facts' });
  const listen = h('section', { class: 'card listen' });
  const metrics = h('section', { class: 'card', 'aria-labelledby': 'metrics-h' });
  const analyses = h('section', { class: 'card', 'aria-labelledby': 'analyses-h' });
  let player = null;
  let resultsShown = false;
  let templates = [];
  let analysisTimer = null;

  fill(main, h('p', {}, h('a', { href: '#/recordings' }, '← All recordings')),
    h('div', { class: 'page-head' }, title(lessonTitle(recording)), status),
    details, actions, problem, listen, metrics, analyses);

  const live = watchRecordings({
    onReady: () => refresh(),
    onChange: r => { if (r.id === id) changed(r); },
    onDeleted: gone => {
      if (gone === id) {
        toast('This recording has been deleted.');
        navigate('/recordings');
      }
    },
  });

  async function refresh() {
    try {
      changed(await api(base));
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }

  function changed(r) {
    recording = r;
    updateLiveStatus(status, r);
    showDetails();
    showActions();
    if (r.status === 'completed' && !resultsShown) {
      resultsShown = true;
      showResults();
    }
    if (!FINISHED.includes(r.status)) {
      fill(listen, h('h2', {}, 'Transcript'), h('p', { class: 'notice' },
        'The lesson is still being processed. This page updates by itself when the transcript is ready.'));
    } else if (r.status === 'failed') {
      resultsShown = false;
      const cause = (r.errorMessage || 'no reason given').replace(/\.$/, '');
      fill(listen, h('h2', {}, 'Transcript'), h('p', { class: 'error' },
        `Processing failed: ${cause}. You can retry it.`),
        ...(r.errorDetail ? [h('p', { class: 'notice' }, `Technical detail: ${r.errorDetail}`)] : []));
    }
  }

  function showDetails() {
    const r = recording;
    const rows = [['Teacher', r.teacherName], ['Subject', r.subject], ['Class', r.className], ['Grade', r.grade],
      ['File', `${r.originalFileName || '–'} (${formatBytes(r.sizeBytes)})`], ['Length', formatDuration(r.durationSeconds)],
      ['Uploaded', formatDate(r.createdAt)], ['Notes', r.notes]].filter(([, v]) => v);
    fill(details, rows.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
  }

  function showActions() {
    fill(actions,
      recording.status === 'completed' ? h('div', { class: 'exports', role: 'group', 'aria-label': 'Export the transcript' },
        h('span', { class: 'muted' }, 'Export transcript:'),
        EXPORTS.map(([format, label]) => h('a', { class: 'button', href: `${base}/transcript?format=${format}`,
          download: '', 'aria-label': `Export transcript as ${label}` }, format.toUpperCase()))) : null,
      recording.status === 'failed' ? h('button', { type: 'button', onclick: retry }, 'Retry processing') : null,
      h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete recording'));
  }

  async function retry() {
    try {
      changed(await api(`${base}/retry`, { method: 'POST' }));
      toast('Queued again.');
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }

  async function remove() {
    if (!window.confirm(`Delete "${lessonTitle(recording)}" with its audio, transcript and analyses? This cannot be undone.`)) {
      return;
    }
    try {
      await api(base, { method: 'DELETE' });
      toast('The recording has been deleted.', 'success');
      navigate('/recordings');
    } catch (e) {
      fill(problem, errorBox(e));
    }
  }

  async function showResults() {
    try {
      const [transcript, list] = await Promise.all([api(`${base}/transcript`), api('/api/templates')]);
      templates = list.items;
      showListen(transcript);
    } catch (e) {
      fill(listen, h('h2', {}, 'Transcript'), errorBox(e));
    }
    showMetrics();
    showAnalyses();
  }

  function showListen(transcript) {
    if (player) player.stop();
    player = new TranscriptPlayer(transcript, recording.audioAvailable ? `${base}/audio` : null);
    fill(listen, h('h2', {}, 'Listen with the transcript'),
      recording.audioAvailable ? null : h('p', { class: 'notice' },
        'The audio of this lesson was deleted by the school\'s retention rule; the transcript and analyses remain.'),
      player.element);
  }

  async function showMetrics() {
    fill(metrics, h('h2', { id: 'metrics-h' }, 'What was measured'));
    let answer;
    try {
      answer = await api(`${base}/metrics`);
    } catch (e) {
      metrics.append(h('p', { class: 'muted' }, e.status === 404
        ? 'No analysis has finished yet. Ask for one below.' : e.message));
      return;
    }
    metrics.append(h('div', { class: 'metric-grid' }, answer.metrics.map(m => h('div', { class: 'metric' },
      h('div', { class: 'metric-name' }, humanise(m.metric)),
      h('div', { class: 'metric-value' }, formatValue(m.value, m.unit)),
      m.note ? h('p', { class: 'hint' }, m.note) : null,
      evidenceList(m.evidence)))));
  }

  function evidenceList(evidence) {
    if (!evidence || evidence.length === 0) return null;
    return h('details', { class: 'evidence' }, h('summary', {}, `Evidence (${evidence.length})`),
      h('ul', {}, evidence.map(e => h('li', {}, h('button', { type: 'button', class: 'link jump',
        onclick: () => player && player.playFrom(e.start ?? e.at) },
      `${clock(e.start ?? e.at)} `), ` ${e.text ?? e.quote ?? ''}`))));
  }

  async function showAnalyses() {
    clearTimeout(analysisTimer);
    let items;
    try {
      items = (await api(`${base}/analyses`)).items;
    } catch (e) {
      fill(analyses, h('h2', { id: 'analyses-h' }, 'Analyses'), errorBox(e));
      return;
    }
    const chooser = h('select', { name: 'templateId' }, templates.map(t => h('option', { value: t.id }, t.name)));
    const asked = h('div');
    fill(analyses, h('h2', { id: 'analyses-h' }, 'Analyses'),
      items.length === 0 ? h('p', { class: 'muted' }, 'This lesson has not been analysed yet.') : null,
      items.map(analysisCard),
      h('form', { class: 'request-analysis', onsubmit: async e => {
        e.preventDefault();
        try {
          await api(`${base}/analyses`, { method: 'POST', body: { templateId: chooser.value } });
          toast('Analysis requested.');
          showAnalyses();
        } catch (err) {
          fill(asked, errorBox(err));
        }
      } }, field('Analyse again with', chooser), h('button', { type: 'submit' }, 'Request analysis'), asked));
    // an analysis runs after the status stream has gone quiet: look again while one is pending
    if (items.some(a => !FINISHED.includes(a.status))) {
      analysisTimer = setTimeout(() => { showAnalyses(); showMetrics(); }, 3000);
    }
  }

  function analysisCard(a) {
    const template = templates.find(t => t.id === a.templateId);
    const scored = a.criteria && a.criteria.some(c => 'score' in c);
    return h('article', { class: 'analysis', dataset: { status: a.status } },
      h('h3', {}, template ? template.name : a.templateId, ' ', h('span', { class: `badge status-${a.status}` },
        humanise(a.status))),
      'overallScore' in a && a.overallScore !== null
        ? h('p', { class: 'overall' }, 'Overall score: ', h('strong', {}, formatValue(a.overallScore))) : null,
      a.status === 'failed' ? [h('p', { class: 'error' }, a.error || 'The analysis failed.'),
        h('button', { type: 'button', onclick: async () => {
          try {
            await api(`${base}/analyses/${encodeURIComponent(a.id)}/retry`, { method: 'POST' });
            showAnalyses();
          } catch (e) {
            toast(e.message, 'error');
          }
        } }, 'Retry this analysis')] : null,
      a.criteria && a.criteria.length ? h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'),
          scored ? h('th', { scope: 'col' }, 'Score') : null, h('th', { scope: 'col' }, 'Evidence'))),
        h('tbody', {}, a.criteria.map(c => h('tr', {}, h('td', {}, c.criterion),
          scored ? h('td', {}, c.score === null || c.score === undefined ? '–' : formatValue(c.score)) : null,
          h('td', {}, evidenceList(c.evidence) || h('span', { class: 'muted' }, '–'))))))) : null,
      a.rubric ? rubric(a.rubric) : null);
  }

  function rubric(r) {
    return h('div', { class: 'rubric' },
      r.criteria.map(c => h('div', { class: 'feedback' }, h('h4', {}, c.criterion,
        'score' in c && c.score !== null ? ` · ${formatValue(c.score)}` : ''),
      h('p', {}, c.feedback), c.nextStep ? h('p', {}, h('strong', {}, 'Next step: '), c.nextStep) : null,
      evidenceList((c.evidence || []).map(e => ({ at: e.at, quote: e.quote }))))),
      r.strengths && r.strengths.length ? [h('h4', {}, 'Strengths'), h('ul', {}, r.strengths.map(s => h('li', {}, s)))] : null,
      r.improvements && r.improvements.length
        ? [h('h4', {}, 'To work on'), h('ul', {}, r.improvements.map(s => h('li', {}, s)))] : null);
  }

  changed(recording);
  return () => {
    live.stop();
    clearTimeout(analysisTimer);
    if (player) player.stop();
  };
}
