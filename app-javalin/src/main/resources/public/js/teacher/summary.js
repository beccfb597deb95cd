// The lesson at a glance, on top of the recording page: the talk timeline (teacher and students as bands, questions
// marked with their wait times, the longest monologue), talk share, questions and wait time against the school's
// targets, and the strengths and focus areas that follow from the template's criteria. Every mark plays its moment.
import { h } from '../ui.js';
import { clock } from './live.js';
import { lessonMoments, readValue, targetsOf, targetWords, standing, STANDING_WORDS, VERDICT_WORDS, metricLabel }
  from './lesson.js';

const LONG_WAIT_SECONDS = 3;

/**
 * @param analysis the newest completed analysis (as GET /api/recordings/{id}/analyses gives it)
 * @param template its template as the reader may see it (whole, or an outline without targets)
 * @param play seconds => plays the lesson from there
 */
export function lessonSummary({ analysis, template, play, lessonSeconds }) {
  const moments = lessonMoments(analysis.metrics);
  const targets = targetsOf(template);
  const end = Math.max(moments.end, lessonSeconds || 0, 1);
  const timeline = talkTimeline(moments, end, play);
  const element = h('section', { class: 'card summary', 'aria-labelledby': 'summary-h' },
    h('h2', { id: 'summary-h' }, 'This lesson at a glance'),
    qualityWarning(analysis),
    timeline.element,
    h('div', { class: 'glance' },
      talkTile(moments, targets, analysis, template),
      questionsTile(moments, targets, analysis, template),
      waitTile(moments, targets, analysis, template)),
    strengthsAndFocus(analysis, template, moments.byName, targets));
  return { element, showTime: timeline.showTime };
}

/** The warning of a transcript the recogniser was unsure of; reads `quality.lowConfidence` and `quality.lowConfidenceReason`. */
export function qualityWarning(analysis) {
  const quality = analysis && analysis.quality;
  if (!quality || quality.lowConfidence !== true) return null;
  const reason = quality.lowConfidenceReason;
  return h('p', { class: 'warning', role: 'note' }, h('strong', {}, 'The transcript may be unreliable. '),
    reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}. ` : '',
    'Numbers that depend on the words (questions, pace, fillers) may be off; listen to the moments before acting on them.');
}

function talkTimeline(moments, end, play) {
  const at = seconds => `${Math.min(100, Math.max(0, (seconds / end) * 100))}%`;
  const place = (el, start, stop) => {
    el.style.left = at(start);
    if (stop !== undefined) el.style.width = `max(2px, ${Math.max(0, ((stop - start) / end) * 100)}%)`;
    return el;
  };
  const track = (label, children) => h('div', { class: 'tl-row' }, h('span', { class: 'tl-label' }, label),
    h('div', { class: 'tl-track', onclick: e => {
      if (e.target.closest('button')) return;
      const box = e.currentTarget.getBoundingClientRect();
      play(((e.clientX - box.left) / box.width) * end);
    } }, children));
  const band = b => place(h('div', { class: `tl-band tl-${b.speaker}`, title: `${clock(b.start)} ${b.text}` }),
    b.start, b.end);
  const speakers = moments.speakersKnown
    ? [track('Teacher', [...moments.bands.filter(b => b.speaker === 'teacher').map(band),
      moments.monologue ? place(h('button', { type: 'button', class: 'tl-monologue',
        'aria-label': `Longest stretch of teacher talk, ${readValue('LONGEST_MONOLOGUE_SECONDS',
          moments.monologue.end - moments.monologue.start)} from ${clock(moments.monologue.start)}: play it`,
        title: 'Longest stretch of teacher talk', onclick: () => play(moments.monologue.start) }),
      moments.monologue.start, moments.monologue.end) : null]),
    track('Students', moments.bands.filter(b => b.speaker === 'student').map(band))]
    : [track('Speech', moments.bands.map(band))];
  const questions = track('Questions', moments.questions.map(q => {
    const wait = q.wait === null ? 'no answer after it' : `wait ${readValue('WAIT_TIME_MEAN_SECONDS', q.wait)}`;
    const mark = place(h('button', { type: 'button', class: `tl-question tl-${q.kind}`,
      dataset: { start: q.start }, title: `${q.text} (${wait})`,
      'aria-label': `${q.kind === 'open' ? 'Open' : 'Closed'} question at ${clock(q.start)}, ${wait}: ${q.text}`,
      onclick: () => play(q.start) }), q.start);
    const waited = q.wait === null ? null : place(h('span', { class: `tl-wait${q.wait < LONG_WAIT_SECONDS
      ? ' tl-short' : ''}`, 'aria-hidden': 'true' }), q.end, q.end + q.wait);
    return [waited, mark];
  }));
  const playhead = h('div', { class: 'tl-playhead', 'aria-hidden': 'true', hidden: true });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => place(h('span', { class: 'tl-tick' }, clock(f * end).replace(/\.\d$/, '')),
    f * end));
  const element = h('figure', { class: 'timeline' },
    h('figcaption', {}, 'Talk timeline. Select a question or a band to hear that moment.'),
    h('div', { class: 'tl-rows' }, speakers, questions, h('div', { class: 'tl-axis', 'aria-hidden': 'true' }, ticks),
      playhead),
    h('p', { class: 'tl-legend hint' },
      h('span', { class: 'tl-key tl-teacher' }), moments.speakersKnown ? ' teacher ' : ' speech ',
      moments.speakersKnown ? [h('span', { class: 'tl-key tl-student' }), ' students '] : null,
      h('span', { class: 'tl-key tl-open' }), ' open question ', h('span', { class: 'tl-key tl-closed' }),
      ' closed question ', h('span', { class: 'tl-key tl-wait' }), ` wait of ${LONG_WAIT_SECONDS} s or more `,
      h('span', { class: 'tl-key tl-wait tl-short' }), ' shorter wait',
      moments.speakersKnown ? null : ' · speakers could not be told apart in this recording'));
  const showTime = seconds => {
    playhead.hidden = false;
    playhead.style.left = `calc(var(--tl-label) + (100% - var(--tl-label)) * ${Math.min(1, seconds / end)})`;
  };
  return { element, showTime };
}

function tile(title, value, detail, verdict) {
  return h('div', { class: 'glance-tile' }, h('div', { class: 'glance-title' }, title),
    h('div', { class: 'glance-value' }, value), detail ? h('div', { class: 'hint' }, detail) : null, verdict);
}

/** A chip saying where the value stands: against the target when the reader sees it, else the criterion's verdict. */
function verdictChip(metric, value, targets, analysis, template) {
  const target = targets[metric];
  if (target) {
    const where = standing(value, target);
    return h('div', { class: 'glance-target' }, `Target ${targetWords(metric, target)}`,
      where ? h('span', { class: `chip chip-${where === 'within' ? 'good' : 'work'}` }, STANDING_WORDS[where]) : null);
  }
  const criterion = ((template && template.criteria) || []).find(c => c.metric === metric);
  const scored = criterion && (analysis.criteria || []).find(c => c.criterion === criterion.name);
  if (scored && scored.verdict) {
    return h('div', { class: 'glance-target' }, `${criterion.name}: `,
      h('span', { class: `chip chip-${scored.verdict === 'meets' ? 'good' : 'work'}` }, VERDICT_WORDS[scored.verdict]));
  }
  return h('div', { class: 'glance-target hint' }, 'No target in this template');
}

function talkTile(moments, targets, analysis, template) {
  const share = moments.byName.TEACHER_TALK_SHARE;
  if (!moments.speakersKnown || !share) {
    return tile('Your share of the talk', '–', 'Teacher and students could not be told apart in this recording.');
  }
  return tile('Your share of the talk', readValue('TEACHER_TALK_SHARE', share.value),
    `Students ${readValue('STUDENT_TALK_SHARE', 1 - share.value)}`,
    verdictChip('TEACHER_TALK_SHARE', share.value, targets, analysis, template));
}

function questionsTile(moments, targets, analysis, template) {
  const value = name => (moments.byName[name] || {}).value;
  const metric = targets.QUESTIONS_PER_MINUTE || !targets.OPEN_QUESTION_SHARE ? 'QUESTIONS_PER_MINUTE'
    : 'OPEN_QUESTION_SHARE';
  return tile('Questions asked', readValue('QUESTION_COUNT', value('QUESTION_COUNT')),
    `${readValue('OPEN_QUESTION_COUNT', value('OPEN_QUESTION_COUNT'))} open · `
      + `${readValue('CLOSED_QUESTION_COUNT', value('CLOSED_QUESTION_COUNT'))} closed · `
      + `${readValue(metric, value(metric))} ${metric === 'QUESTIONS_PER_MINUTE' ? '' : 'open'}`.trim(),
    verdictChip(metric, value(metric), targets, analysis, template));
}

function waitTile(moments, targets, analysis, template) {
  const wait = moments.byName.WAIT_TIME_MEAN_SECONDS || {};
  return tile('Average wait after a question', readValue('WAIT_TIME_MEAN_SECONDS', wait.value),
    wait.value === null || wait.value === undefined ? 'No question was followed by an answer.' : null,
    verdictChip('WAIT_TIME_MEAN_SECONDS', wait.value, targets, analysis, template));
}

/** Two or three criteria that went well and two or three to work on, from the template's criteria. */
function strengthsAndFocus(analysis, template, byName, targets) {
  const criteria = analysis.criteria || [];
  const byScore = (a, b) => ('score' in a && 'score' in b ? b.score - a.score : 0);
  const strengths = criteria.filter(c => c.verdict === 'meets').sort(byScore).slice(0, 3);
  const rank = { not_yet: 0, approaching: 1 };
  const focus = criteria.filter(c => c.verdict === 'not_yet' || c.verdict === 'approaching')
    .sort((a, b) => rank[a.verdict] - rank[b.verdict] || -byScore(a, b)).slice(0, 3);
  const line = c => {
    const definition = ((template && template.criteria) || []).find(t => t.name === c.criterion) || {};
    const m = definition.metric && byName[definition.metric];
    const target = definition.metric && targets[definition.metric];
    return h('li', {}, h('strong', {}, c.criterion), ': ', VERDICT_WORDS[c.verdict].toLowerCase(),
      m ? ` (${metricLabel(definition.metric).toLowerCase()} ${readValue(definition.metric, m.value)}`
        + `${target ? `, target ${targetWords(definition.metric, target)}` : ''})` : '');
  };
  const rubric = analysis.rubric || {};
  return h('div', { class: 'strengths-focus' },
    h('div', {}, h('h3', {}, 'Strengths'), strengths.length || (rubric.strengths || []).length
      ? h('ul', {}, strengths.map(line), (rubric.strengths || []).slice(0, 2).map(s => h('li', {}, s)))
      : h('p', { class: 'hint' }, 'No criterion met the goal in this lesson yet.')),
    h('div', {}, h('h3', {}, 'To work on'), focus.length || (rubric.improvements || []).length
      ? h('ul', {}, focus.map(line), (rubric.improvements || []).slice(0, 2).map(s => h('li', {}, s)))
      : h('p', { class: 'hint' }, 'Every scored criterion meets the goal.')));
}
