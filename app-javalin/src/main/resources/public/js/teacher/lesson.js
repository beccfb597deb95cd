// What an analysis says about a lesson, in the teacher's words: each metric's name, group, unit and meaning; the
// school's targets (from the template's criteria); and the lesson's moments (who spoke when, the questions with
// their wait times, the longest monologue) read back from the evidence the server stores with each metric.

/** The metrics in the teacher's words, grouped; `format` says how a value reads. Definitions: docs/analysis.md. */
export const METRIC_WORDS = {
  TEACHER_TALK_SHARE: { group: 'talk', label: 'Your share of the talk', format: 'percent',
    means: 'How much of all the speech was yours.' },
  STUDENT_TALK_SHARE: { group: 'talk', label: 'Students\' share of the talk', format: 'percent',
    means: 'How much of all the speech was the students\'.' },
  LONGEST_MONOLOGUE_SECONDS: { group: 'talk', label: 'Longest stretch without a student speaking',
    format: 'duration', means: 'Your longest run of talk with no student in between.' },
  SPEAKING_SECONDS: { group: 'talk', label: 'Time with someone speaking', format: 'duration',
    means: 'All the speech in the lesson, added up.' },
  QUESTION_COUNT: { group: 'questions', label: 'Questions you asked', format: 'count',
    means: 'Every question found in your speech.' },
  OPEN_QUESTION_COUNT: { group: 'questions', label: 'Open questions', format: 'count',
    means: 'Questions that ask for an explanation (why, how, what do you think).' },
  CLOSED_QUESTION_COUNT: { group: 'questions', label: 'Closed questions', format: 'count',
    means: 'Questions with a yes/no or one-word answer.' },
  OPEN_QUESTION_SHARE: { group: 'questions', label: 'Share of questions that were open', format: 'percent',
    means: 'Open questions out of all your questions.' },
  QUESTIONS_PER_MINUTE: { group: 'questions', label: 'Questions per minute', format: 'number', unit: 'per min',
    means: 'How often you asked a question, over the whole lesson.' },
  WAIT_TIME_MEAN_SECONDS: { group: 'questions', label: 'Average wait after a question', format: 'seconds',
    means: 'The silence students had to think before anyone spoke.' },
  CHECK_FOR_UNDERSTANDING_COUNT: { group: 'questions', label: 'Checks for understanding', format: 'count',
    means: '"Does that make sense?", "Any questions?" and the like.' },
  PRAISE_COUNT: { group: 'questions', label: 'Praise', format: 'count',
    means: '"Well done", "Excellent" and the like.' },
  SPEAKING_RATE_WPM: { group: 'pace', label: 'Speaking pace', format: 'number', unit: 'words/min',
    means: 'Words per minute while someone was speaking.' },
  FILLERS_PER_100_WORDS: { group: 'pace', label: 'Filler words', format: 'number', unit: 'per 100 words',
    means: '"Um", "uh", "you know" in your speech.' },
  SILENCE_SHARE: { group: 'pauses', label: 'Time in silence', format: 'percent',
    means: 'Silence between the first and the last words of the lesson.' },
  PAUSE_MEAN_SECONDS: { group: 'pauses', label: 'Average pause', format: 'seconds',
    means: 'The mean silence between two stretches of speech.' },
  PAUSE_MEDIAN_SECONDS: { group: 'pauses', label: 'Typical pause', format: 'seconds',
    means: 'Half the pauses were shorter than this, half longer.' },
  PAUSE_P90_SECONDS: { group: 'pauses', label: 'Long end of the pauses', format: 'seconds',
    means: '9 pauses in 10 were shorter than this.' },
  LONG_PAUSE_COUNT: { group: 'pauses', label: 'Pauses of 3 s or more', format: 'count',
    means: 'Silences long enough to give students time to think.' },
  LONGEST_PAUSE_SECONDS: { group: 'pauses', label: 'Longest pause', format: 'seconds',
    means: 'The longest silence in the lesson.' },
};

export const GROUPS = [['talk', 'Talk'], ['questions', 'Questions'], ['pace', 'Pace'], ['pauses', 'Pauses']];

export function metricLabel(name) {
  return (METRIC_WORDS[name] || {}).label || name;
}

/** A metric's value as a teacher reads it: 0.258 -> "26%", 754 s -> "12 min 34 s". */
export function readValue(name, value) {
  if (value === null || value === undefined) return '–';
  const words = METRIC_WORDS[name] || { format: 'number' };
  switch (words.format) {
    case 'percent': return `${Math.round(value * 100)}%`;
    case 'duration': return duration(value);
    case 'seconds': return `${round(value)} s`;
    case 'count': return String(Math.round(value));
    default: return words.unit ? `${round(value)} ${words.unit}` : String(round(value));
  }
}

function round(value) {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
}

function duration(seconds) {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return `${Math.floor(s / 60)} min${rest ? ` ${rest} s` : ''}`;
}

/**
 * The targets of a template the reader may see, by metric: { min, max, criterion }. A teacher of a school that
 * hides scores gets templates without targets, so this is empty for them.
 */
export function targetsOf(template) {
  const targets = {};
  for (const c of (template && template.criteria) || []) {
    if (c.metric && (isNumber(c.min) || isNumber(c.max))) {
      targets[c.metric] = { min: c.min, max: c.max, criterion: c.name };
    }
  }
  return targets;
}

function isNumber(v) {
  return typeof v === 'number';
}

/** "at least 3 s", "between 50% and 65%", "at most 65%". */
export function targetWords(name, target) {
  const { min, max } = target;
  if (isNumber(min) && isNumber(max)) return `between ${readValue(name, min)} and ${readValue(name, max)}`;
  return isNumber(min) ? `at least ${readValue(name, min)}` : `at most ${readValue(name, max)}`;
}

/** Where a value stands against its target: 'within', 'below' or 'above'; null without a value or target. */
export function standing(value, target) {
  if (value === null || value === undefined || !target) return null;
  if (isNumber(target.min) && value < target.min - 1e-9) return 'below';
  if (isNumber(target.max) && value > target.max + 1e-9) return 'above';
  return 'within';
}

export const STANDING_WORDS = { within: 'On target', below: 'Below target', above: 'Above target' };

export const VERDICT_WORDS = { meets: 'Meets the goal', approaching: 'Approaching the goal', not_yet: 'Not yet' };

/**
 * The lesson's moments from a completed analysis' metrics: speech bands (teacher and student when speakers were told
 * apart, else one band of speech), the teacher's questions with their kind and wait time, the longest monologue.
 */
export function lessonMoments(metrics) {
  const byName = Object.fromEntries((metrics || []).map(m => [m.metric, m]));
  const evidence = name => (byName[name] && byName[name].evidence) || [];
  const speakersKnown = byName.TEACHER_TALK_SHARE && byName.TEACHER_TALK_SHARE.value !== null;
  const bands = speakersKnown
    ? [...evidence('TEACHER_TALK_SHARE').map(e => ({ ...e, speaker: 'teacher' })),
      ...evidence('STUDENT_TALK_SHARE').map(e => ({ ...e, speaker: 'student' }))]
    : evidence('SPEAKING_SECONDS').map(e => ({ ...e, speaker: 'speech' }));
  const waits = evidence('WAIT_TIME_MEAN_SECONDS');
  const question = kind => e => {
    const waited = waits.find(w => Math.abs(w.start - e.start) < 0.01);
    return { ...e, kind, wait: waited ? Math.max(0, waited.end - e.end) : null };
  };
  const questions = [...evidence('OPEN_QUESTION_COUNT').map(question('open')),
    ...evidence('CLOSED_QUESTION_COUNT').map(question('closed'))].sort((a, b) => a.start - b.start);
  const monologue = speakersKnown ? evidence('LONGEST_MONOLOGUE_SECONDS')[0] || null : null;
  const end = Math.max(0, ...bands.map(b => b.end), ...questions.map(q => q.end));
  return { byName, speakersKnown, bands, questions, monologue, end };
}

/** The newest completed analysis, or null. */
export function latestCompleted(analyses) {
  const done = analyses.filter(a => a.status === 'completed');
  done.sort((a, b) => new Date(a.finishedAt) - new Date(b.finishedAt));
  return done[done.length - 1] || null;
}
