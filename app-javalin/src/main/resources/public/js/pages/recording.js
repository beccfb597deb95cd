// #/recordings/:id: the lesson at a glance (talk timeline, talk share, questions and wait time against the school's
// targets, strengths and focus areas; every mark plays its moment), then the transcript with speakers and questions,
// the metrics in the teacher's words grouped with their targets, the analyses, exports, retry and delete.
// What the reader may see is decided by the server: a recording of someone else is "not found", and scores the
// school hides from teachers never arrive here (the criteria then carry verdicts in words).
import { api } from '../api.js';
import { h, fill, field, errorBox, title, toast, formatDate, formatDuration, formatBytes, skeleton } from '../ui.js';
import { navigate } from '../app.js';
import { HOME } from '../routes.js';
import { watchRecordings, liveStatus, updateLiveStatus, lessonTitle, humanise, clock } from '../teacher/live.js';
import { TranscriptPlayer } from '../teacher/player.js';
import { lessonSummary, qualityWarning } from '../teacher/summary.js';
import { lessonMoments, latestCompleted, targetsOf, targetWords, standing, STANDING_WORDS, VERDICT_WORDS,
  METRIC_WORDS, GROUPS, readValue, metricLabel } from '../teacher/lesson.js';
import { speakingRateChart } from '../teacher/pace.js';

// each name starts with the visible format, so what is read out contains what is seen
const EXPORTS = [['txt', 'TXT plain text'], ['srt', 'SRT subtitles'], ['vtt', 'VTT (WebVTT) subtitles'], ['json', 'JSON'],
  ['csv', 'CSV words']];
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
  const byline = h('p', { class: 'byline muted' });
  const problem = h('div');
  const actions = h('div', { class: 'actions' });
  const details = h('dl', { class: 'facts' });
  const summary = h('div', { class: 'summary-slot' });
  const listen = h('section', { class: 'card listen', 'aria-labelledby': 'listen-h' });
  const metrics = h('section', { class: 'card', 'aria-labelledby': 'metrics-h' });
  const analyses = h('section', { class: 'card', 'aria-labelledby': 'analyses-h' });
  let player = null;
  let resultsShown = false;
  let templates = [];
  let analysisTimer = null;

  fill(main, h('p', {}, h('a', { href: '#/recordings' }, '← All recordings')),
    h('div', { class: 'page-head' }, title(lessonTitle(recording)), status), byline,
    problem, summary, listen, metrics, analyses, actions,
    h('section', { class: 'card', 'aria-labelledby': 'about-h' }, h('h2', { id: 'about-h' }, 'About this recording'),
      details));

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
      fill(listen, h('h2', { id: 'listen-h' }, 'Transcript'), h('p', { class: 'notice' },
        'The lesson is still being processed. This page updates by itself when the transcript is ready.'));
    } else if (r.status === 'failed') {
      resultsShown = false;
      fill(listen, h('h2', { id: 'listen-h' }, 'Transcript'), errorBox(
        `Processing failed: ${(r.errorMessage || 'no reason given').replace(/\.$/, '')}. You can retry it.`,
        r.errorDetail));
    }
  }

  function showDetails() {
    const r = recording;
    fill(byline, [r.teacherName, `Recorded ${formatDate(r.createdAt)}`,
      r.durationSeconds ? formatDuration(r.durationSeconds) : null, r.grade ? `Grade ${r.grade}` : null]
      .filter(Boolean).join(' · '));
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
    fill(summary, skeleton('card', 'Loading the lesson summary'));
    fill(listen, h('h2', { id: 'listen-h' }, 'Transcript'), skeleton('lines', 'Loading the transcript'));
    let transcript;
    let items;
    try {
      let list;
      [transcript, list, items] = await Promise.all([api(`${base}/transcript`), api('/api/templates'),
        api(`${base}/analyses`).then(a => a.items)]);
      templates = list.items;
    } catch (e) {
      fill(summary);
      fill(listen, h('h2', { id: 'listen-h' }, 'Transcript'), errorBox(e));
      return;
    }
    const latest = latestCompleted(items);
    const moments = lessonMoments(latest && latest.metrics);
    if (player) player.stop();
    player = new TranscriptPlayer(transcript, recording.audioAvailable ? `${base}/audio` : null,
      segment => annotate(segment, moments));
    const play = seconds => player.playFrom(seconds);
    if (latest) {
      const shown = lessonSummary({ analysis: latest, template: templateOf(latest), play,
        lessonSeconds: recording.durationSeconds });
      player.onTime(shown.showTime);
      fill(summary, shown.element);
      shown.element.append(player.bar);
    } else {
      fill(summary, items.some(a => !FINISHED.includes(a.status))
        ? h('section', { class: 'card summary' }, h('h2', {}, 'This lesson at a glance'),
          h('p', { class: 'notice' }, 'The lesson is being analysed. Its summary appears here by itself when it is ready.'),
          skeleton('card', 'Analysing'))
        : null);
    }
    fill(listen, h('h2', { id: 'listen-h' }, 'Transcript'),
      recording.audioAvailable ? null : h('p', { class: 'notice' },
        'The audio of this lesson was deleted by the school\'s retention rule; the transcript and analyses remain.'),
      latest ? null : player.bar, player.list);
    showMetrics(latest);
    showAnalyses(items);
  }

  function templateOf(analysis) {
    return templates.find(t => t.id === analysis.templateId) || null;
  }

  async function showMetrics(latest) {
    fill(metrics, h('h2', { id: 'metrics-h' }, 'What was measured'));
    if (!latest) {
      metrics.append(h('p', { class: 'muted' }, 'No analysis has finished yet. Ask for one below.'));
      return;
    }
    const targets = targetsOf(templateOf(latest));
    const byGroup = group => latest.metrics.filter(m => (METRIC_WORDS[m.metric] || { group: 'pauses' }).group === group);
    metrics.append(h('p', { class: 'hint' }, Object.keys(targets).length
      ? `Targets come from the template "${templateOf(latest).name}"; metrics it does not score have none.`
      : 'Your school\'s template sets no targets you can see here.'));
    for (const [group, label] of GROUPS) {
      const rows = byGroup(group);
      if (!rows.length) continue;
      metrics.append(h('h3', { class: 'metric-group' }, label),
        h('div', { class: 'metric-rows', role: 'list' }, rows.map(m => metricRow(m, targets[m.metric]))));
      const windows = latest.speakingRateByWindow || [];
      if (group === 'pace') {
        metrics.append(windows.length > 1 ? speakingRateChart(windows, targets.SPEAKING_RATE_WPM,
          seconds => player && player.playFrom(seconds))
          : h('p', { class: 'hint' }, 'The pace over time is drawn for lessons of more than five minutes.'));
      }
    }
  }

  function metricRow(m, target) {
    const words = METRIC_WORDS[m.metric] || { label: humanise(m.metric), means: '' };
    const where = standing(m.value, target);
    return h('div', { class: 'metric-row', role: 'listitem', dataset: { metric: m.metric } },
      h('div', { class: 'metric-what' }, h('div', { class: 'metric-name' }, words.label),
        h('div', { class: 'hint' }, words.means), m.value === null ? h('div', { class: 'hint' }, `Not measured: ${m.note}.`)
          : null),
      h('div', { class: 'metric-value' }, readValue(m.metric, m.value)),
      h('div', { class: 'metric-target' }, target ? [`Target ${targetWords(m.metric, target)} `,
        where ? h('span', { class: `chip chip-${where === 'within' ? 'good' : 'work'}` }, STANDING_WORDS[where]) : null]
        : h('span', { class: 'hint' }, 'No target')),
      evidenceList(m.evidence));
  }

  function evidenceList(evidence) {
    if (!evidence || evidence.length === 0) return null;
    return h('details', { class: 'evidence' }, h('summary', {}, `Moments (${evidence.length})`),
      h('ul', {}, evidence.map(e => h('li', {}, h('button', { type: 'button', class: 'link jump',
        onclick: () => player && player.playFrom(e.start ?? e.at) },
      `${clock(e.start ?? e.at)} `), ` ${e.text ?? e.quote ?? ''}`))));
  }

  async function showAnalyses(given) {
    clearTimeout(analysisTimer);
    let items = given;
    if (!items) {
      try {
        items = (await api(`${base}/analyses`)).items;
      } catch (e) {
        fill(analyses, h('h2', { id: 'analyses-h' }, 'Analyses'), errorBox(e));
        return;
      }
    }
    const chooser = h('select', { name: 'templateId' }, templates.map(t => h('option', { value: t.id }, t.name)));
    const asked = h('div');
    const newestFirst = items.slice().sort((a, b) => new Date(b.createdAt) - new Date(a.createdAt));
    fill(analyses, h('h2', { id: 'analyses-h' }, 'Analyses'),
      items.length === 0 ? h('p', { class: 'muted' }, 'This lesson has not been analysed yet.') : null,
      newestFirst.map(analysisCard),
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
      analysisTimer = setTimeout(async () => {
        const next = (await api(`${base}/analyses`).catch(() => ({ items }))).items;
        const newlyDone = next.some(a => a.status === 'completed'
          && !items.some(b => b.id === a.id && b.status === 'completed'));
        if (newlyDone) showResults();
        else showAnalyses(next);
      }, 3000);
    }
  }

  function analysisCard(a) {
    const template = templateOf(a);
    const scored = a.criteria && a.criteria.some(c => 'score' in c);
    const when = a.finishedAt || a.createdAt;
    return h('article', { class: 'analysis', dataset: { status: a.status } },
      h('h3', {}, template ? template.name : a.templateId, ' ', h('span', { class: `badge status-${a.status}` },
        humanise(a.status))),
      h('p', { class: 'hint analysis-when' }, `Template version ${a.templateVersion} · `,
        a.status === 'completed' ? `analysed ${formatDate(when)}` : `requested ${formatDate(a.createdAt)}`),
      qualityWarning(a),
      'overallScore' in a && a.overallScore !== null && a.overallScore !== undefined
        ? h('p', { class: 'overall' }, 'Overall score: ', h('strong', {}, `${Math.round(a.overallScore)} out of 100`),
          ` · the school's goal for each criterion is ${a.scoreGoal}`) : null,
      coverage(a, template),
      a.status === 'failed' ? [errorBox('The analysis failed. You can retry it.', a.error),
        h('button', { type: 'button', onclick: async () => {
          try {
            await api(`${base}/analyses/${encodeURIComponent(a.id)}/retry`, { method: 'POST' });
            showAnalyses();
          } catch (e) {
            toast(e.message, 'error');
          }
        } }, 'Retry this analysis')] : null,
      a.criteria && a.criteria.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'stack-on-phone' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Criterion'), h('th', { scope: 'col' }, 'Verdict'),
          scored ? h('th', { scope: 'col' }, 'Score (of 100)') : null, h('th', { scope: 'col' }, 'Moments'))),
        h('tbody', {}, a.criteria.map(c => {
          const definition = ((template && template.criteria) || []).find(t => t.name === c.criterion) || {};
          return h('tr', { dataset: { verdict: c.verdict || 'not_scored' } },
            h('td', { 'data-label': 'Criterion' }, h('div', {}, h('strong', {}, c.criterion), definition.metric
              ? h('div', { class: 'hint' }, `measures ${metricLabel(definition.metric).toLowerCase()}`)
              : definition.judged ? h('div', { class: 'hint' }, 'judged from the transcript') : null)),
            h('td', { 'data-label': 'Verdict' }, c.verdict ? h('span', { class: `chip chip-${c.verdict === 'meets'
              ? 'good' : 'work'}` }, VERDICT_WORDS[c.verdict]) : h('span', { class: 'hint' }, 'Not scored')),
            scored ? h('td', { 'data-label': 'Score (of 100)' }, c.score === null || c.score === undefined ? '–'
              : String(Math.round(c.score))) : null,
            h('td', { 'data-label': 'Moments' }, evidenceList(c.evidence) || h('span', { class: 'muted' }, '–')));
        })))) : null,
      a.rubric ? rubric(a.rubric) : null);
  }

  /** Which criteria the overall covers, and why the others were not scored. */
  function coverage(a, template) {
    const left = (a.criteria || []).filter(c => c.assessed === false);
    if (a.status !== 'completed' || !left.length) return null;
    const why = c => {
      const definition = ((template && template.criteria) || []).find(t => t.name === c.criterion) || {};
      if (a.quality && a.quality.lowConfidence) return 'the transcript is not reliable enough';
      if (definition.judged && !definition.metric && !a.rubric) return 'written feedback is switched off for the school';
      return 'the lesson gave nothing to measure for it';
    };
    const weight = (a.criteria || []).reduce((sum, c) => sum + (c.weight || 0), 0);
    const covered = (a.criteria || []).filter(c => c.assessed).reduce((sum, c) => sum + (c.weight || 0), 0);
    return h('p', { class: 'notice coverage' }, 'Not scored: ',
      left.map((c, i) => [i ? '; ' : '', h('strong', {}, c.criterion), ` (${why(c)})`]), '. ',
      weight ? `The overall score covers the other criteria, ${Math.round((covered / weight) * 100)}% of the template's weight.`
        : 'The verdicts above cover the other criteria.');
  }

  function rubric(r) {
    return h('div', { class: 'rubric' },
      r.criteria.map(c => h('div', { class: 'feedback' }, h('h4', {}, c.criterion,
        'score' in c && c.score !== null ? ` · ${Math.round(c.score)} of 100` : ''),
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

/** Who spoke a segment (the speech band it overlaps most) and whether a question starts in it. */
function annotate(segment, moments) {
  let speaker = null;
  let most = 0;
  if (moments.speakersKnown) {
    for (const band of moments.bands) {
      const overlap = Math.min(band.end, segment.end) - Math.max(band.start, segment.start);
      if (overlap > most) {
        most = overlap;
        speaker = band.speaker;
      }
    }
  }
  const question = moments.questions.find(q => q.start >= segment.start - 0.05 && q.start < segment.end);
  return { speaker, question: question ? question.kind : null };
}
