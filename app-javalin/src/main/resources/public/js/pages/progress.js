// #/progress (a teacher's own) and #/teachers/:id/progress (a manager or super admin looking at a teacher):
// the criteria the teacher is working on first, one clear chart each over the real lesson dates with the trend line
// and the goal line; every other metric one click away. Ratios read as percentages, as on the rest of the app.
import { api } from '../api.js';
import { h, fill, errorBox, title, toast, skeleton } from '../ui.js';
import { loadChartJs } from '../charts.js';
import { METRIC_WORDS, metricLabel, readValue } from '../teacher/lesson.js';

const DAY_MS = 86400000;

export async function render(main, { params, me }) {
  const own = !params.id;
  const teacherId = own ? me.id : params.id;
  fill(main, title(own ? 'My progress' : 'Progress'), skeleton('card', 'Loading progress'));
  let progress;
  let teacher = me;
  let goals;
  let templates;
  let Chart;
  try {
    [progress, teacher, goals, templates] = await Promise.all([
      api(`/api/teachers/${encodeURIComponent(teacherId)}/progress`),
      own ? me : api(`/api/users/${encodeURIComponent(teacherId)}`),
      api(`/api/teachers/${encodeURIComponent(teacherId)}/goals`).then(g => g.criteria),
      api('/api/templates').then(t => t.items)]);
  } catch (e) {
    fill(main, title(own ? 'My progress' : 'Progress'), errorBox(e.status === 404
      ? 'There is no such teacher, or not one you can see.' : e));
    return;
  }
  const heading = own ? 'My progress' : `Progress of ${teacher.displayName}`;
  if (progress.lessons === 0) {
    fill(main, title(heading), h('div', { class: 'card empty-state' },
      h('p', {}, own ? 'No analysed lessons yet.' : `${teacher.displayName} has no analysed lessons yet.`),
      h('p', {}, 'Progress appears here once a recording has been analysed with a template. ',
        own ? h('a', { href: '#/upload' }, 'Upload a lesson recording') : null)));
    return;
  }
  try {
    Chart = await loadChartJs();
  } catch (e) {
    fill(main, title(heading), errorBox(e));
    return;
  }
  const charts = [];
  const scoreSeries = Object.fromEntries(progress.criteria.map(s => [s.name, s]));
  const metricSeries = Object.fromEntries(progress.metrics.map(s => [s.name, s]));
  const metricOf = Object.fromEntries(templates.flatMap(t => t.criteria).filter(c => c.metric)
    .map(c => [c.name, c.metric]));
  const choices = [...new Set([...progress.criteria.map(s => s.name),
    ...Object.keys(metricOf).filter(name => metricSeries[metricOf[name]])])].sort();
  const goalCharts = h('div', { class: 'goal-charts' });
  const others = h('div', { class: 'chart-grid' });
  const allMetrics = h('details', { class: 'card all-metrics', ontoggle: () => {
    if (allMetrics.open && !others.childElementCount) {
      fill(others, progress.metrics.map(s => chartCard(s, { metric: s.name })));
    }
  } }, h('summary', {}, `All measured metrics (${progress.metrics.length})`), others);

  fill(main, title(heading),
    h('p', {}, `${progress.lessons} analysed lesson${progress.lessons === 1 ? '' : 's'}.`,
      progress.goal ? ` Scores run from 0 to 100; a criterion meets the goal from ${progress.goal}.` : ''),
    goalPicker(), goalCharts, allMetrics);
  showGoals();

  function goalPicker() {
    if (!own) {
      return h('p', { class: 'hint' }, goals.length ? `Working on: ${goals.join(', ')}.`
        : `${teacher.displayName} has not chosen criteria to work on yet.`);
    }
    const boxes = choices.map(name => h('label', { class: 'goal-choice' },
      h('input', { type: 'checkbox', name: 'goal', value: name, checked: goals.includes(name) }), ` ${name}`));
    const problem = h('div');
    return h('form', { class: 'card goal-picker', onsubmit: async e => {
      e.preventDefault();
      const ticked = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
      const chosen = [...goals.filter(g => ticked.includes(g)), ...ticked.filter(t => !goals.includes(t))];
      try {
        goals = (await api(`/api/teachers/${encodeURIComponent(teacherId)}/goals`,
          { method: 'PUT', body: { criteria: chosen } })).criteria;
        problem.replaceChildren();
        toast('Saved what you are working on.', 'success');
        showGoals();
      } catch (err) {
        fill(problem, errorBox(err));
      }
    } }, h('fieldset', {}, h('legend', {}, 'What I am working on (up to 5)'),
      choices.length ? h('div', { class: 'goal-choices' }, boxes) : h('p', { class: 'hint' }, 'No criterion yet.')),
    problem, h('button', { type: 'submit', class: 'primary' }, 'Save'));
  }

  function showGoals() {
    charts.splice(0).forEach(c => c.destroy());
    if (others.childElementCount) fill(others, progress.metrics.map(s => chartCard(s, { metric: s.name })));
    const shown = goals.map(name => {
      if (scoreSeries[name]) return chartCard(scoreSeries[name], { criterion: name, large: true });
      const metric = metricOf[name];
      return metric && metricSeries[metric] ? chartCard(metricSeries[metric], { criterion: name, metric, large: true })
        : h('p', { class: 'hint' }, `${name}: not measured in your lessons yet.`);
    });
    fill(goalCharts, shown.length ? shown : h('p', { class: 'notice' }, own
      ? 'Choose above the criteria you are working on: each gets a chart of its own here.'
      : 'No criteria chosen.'));
  }

  /** A chart of one series: a score (with the goal line) or a metric (in its unit), with the trend. */
  function chartCard(series, { criterion, metric, large }) {
    const percent = metric && (METRIC_WORDS[metric] || {}).format === 'percent';
    const scale = v => (percent ? v * 100 : v);
    const name = criterion ? criterion : metricLabel(metric);
    const points = series.points.slice().sort((a, b) => new Date(a.at) - new Date(b.at));
    const latest = points[points.length - 1];
    const xs = points.map(p => new Date(p.at).getTime());
    const canvas = h('canvas', { role: 'img', 'aria-label': `${name} over ${points.length} lessons, latest `
      + `${metric ? readValue(metric, latest.value) : Math.round(latest.value)}` });
    const datasets = [{ label: name, data: points.map((p, i) => ({ x: xs[i], y: scale(p.value) })),
      borderColor: '#1f5fbf', backgroundColor: '#1f5fbf', tension: 0.2 }];
    const trend = trendLine(points, xs, series.trendPer30Days, scale);
    if (trend) datasets.push(trend);
    if (!metric && progress.goal) {
      datasets.push({ label: `Goal (${progress.goal})`, data: [xs[0], xs[xs.length - 1]]
        .map(x => ({ x, y: progress.goal })),
        borderColor: '#1b7a43', borderDash: [2, 3], pointRadius: 0 });
    }
    const card = h('figure', { class: `card chart-card${large ? ' goal-chart' : ''}` },
      h('figcaption', {}, h('strong', {}, name), metric && criterion ? h('span', { class: 'hint' },
        ` (${metricLabel(metric).toLowerCase()})`) : null,
      h('span', { class: 'muted' }, ` latest ${metric ? readValue(metric, latest.value) : `${Math.round(latest.value)} of 100`}`),
      ' ', trendLabel(series.trendPer30Days, scale, percent ? ' points' : '')),
      h('div', { class: 'chart-box' }, canvas));
    charts.push(new Chart(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: Boolean(large) } },
        scales: {
          x: { type: 'linear', min: xs[0], max: xs[xs.length - 1] === xs[0] ? xs[0] + DAY_MS : xs[xs.length - 1],
            ticks: { maxTicksLimit: 6, callback: v => lessonDate(v, xs[xs.length - 1] - xs[0] < 2 * DAY_MS) } },
          y: metric ? { beginAtZero: true, max: percent ? 100 : undefined,
            title: { display: true, text: percent ? '%' : (METRIC_WORDS[metric] || {}).unit || '' } }
            : { min: 0, max: 100 },
        },
      },
    }));
    return card;
  }

  return () => charts.forEach(c => c.destroy());
}

/** A tick on the time axis: the day, and the time of day when the lessons shown fall within two days. */
function lessonDate(ms, close) {
  const when = new Date(ms);
  const day = when.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
  return close ? `${day} ${when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}` : day;
}

function trendLabel(perMonth, scale, unit) {
  if (perMonth === null || perMonth === undefined) {
    return h('span', { class: 'trend' }, 'trend after two lessons on different days');
  }
  const rounded = Math.round(scale(perMonth) * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const arrow = { up: '↑', down: '↓', flat: '→' }[direction];
  return h('span', { class: `trend trend-${direction}` },
    `${arrow} ${rounded > 0 ? '+' : ''}${rounded}${unit} per 30 days`);
}

/** The least-squares line through the points, from the first lesson to the last: the mean tilted by the slope. */
function trendLine(points, xs, perMonth, scale) {
  if (perMonth === null || perMonth === undefined) return null;
  const days = xs.map(x => x / DAY_MS);
  const meanX = days.reduce((a, b) => a + b, 0) / days.length;
  const meanY = points.reduce((a, p) => a + p.value, 0) / points.length;
  const at = d => scale(meanY + (perMonth / 30) * (d - meanX));
  return { label: 'Trend', data: [xs[0], xs[xs.length - 1]].map(x => ({ x, y: at(x / DAY_MS) })),
    borderDash: [6, 4], borderColor: '#5b6575', pointRadius: 0, fill: false };
}
