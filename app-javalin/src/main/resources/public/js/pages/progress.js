// #/progress (a teacher's own) and #/teachers/:id/progress (a manager or super admin looking at a teacher):
// one chart per criterion and per metric over the lessons, with the trend line the server's slope describes.
import { api } from '../api.js';
import { h, fill, errorBox, title, formatDate } from '../ui.js';
import { loadChartJs } from '../charts.js';
import { TEACHER } from '../routes.js';
import { humanise, formatValue } from '../teacher/live.js';

const DAY_MS = 86400000;

export async function render(main, { params, me }) {
  const own = !params.id;
  const teacherId = own ? me.id : params.id;
  fill(main, title(own ? 'My progress' : 'Progress'), h('p', { class: 'muted' }, 'Loading…'));
  let progress;
  let teacher = me;
  let Chart;
  try {
    [progress, teacher] = await Promise.all([
      api(`/api/teachers/${encodeURIComponent(teacherId)}/progress`),
      own ? me : api(`/api/users/${encodeURIComponent(teacherId)}`)]);
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
  fill(main, title(heading),
    h('p', {}, `${progress.lessons} analysed lesson${progress.lessons === 1 ? '' : 's'}. Each chart shows one lesson per `
      + 'point; the dashed line is the trend.'),
    h('h2', {}, 'Criteria'),
    progress.criteria.length ? h('div', { class: 'chart-grid' }, progress.criteria.map(s => chartCard(s, true)))
      : h('p', { class: 'muted' }, me.role === TEACHER
        ? 'Your school shows progress through the measured metrics below.' : 'No criterion has been scored yet.'),
    h('h2', {}, 'Metrics'),
    h('div', { class: 'chart-grid' }, progress.metrics.map(s => chartCard(s, false))));

  function chartCard(series, isScore) {
    const canvas = h('canvas', { role: 'img', 'aria-label': `${humanise(series.name)} over time` });
    const points = series.points.slice().sort((a, b) => new Date(a.at) - new Date(b.at));
    const latest = points[points.length - 1];
    const card = h('figure', { class: 'card chart-card' },
      h('figcaption', {}, h('strong', {}, isScore ? series.name : humanise(series.name)),
        h('span', { class: 'muted' }, ` latest ${formatValue(latest.value)}`), ' ', trendLabel(series.trendPer30Days)),
      h('div', { class: 'chart-box' }, canvas));
    charts.push(new Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(p => formatDate(p.at)),
        datasets: [
          { label: isScore ? series.name : humanise(series.name), data: points.map(p => p.value), borderColor: '#1f5fbf',
            backgroundColor: '#1f5fbf', tension: 0.2 },
          trendDataset(points, series.trendPer30Days),
        ].filter(Boolean),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: isScore ? { min: 0, max: 100 } : { beginAtZero: true } },
      },
    }));
    return card;
  }

  return () => charts.forEach(c => c.destroy());
}

function trendLabel(perMonth) {
  if (perMonth === null || perMonth === undefined) {
    return h('span', { class: 'trend' }, 'trend after two lessons on different days');
  }
  const rounded = Math.round(perMonth * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const arrow = { up: '↑', down: '↓', flat: '→' }[direction];
  return h('span', { class: `trend trend-${direction}` }, `${arrow} ${rounded > 0 ? '+' : ''}${rounded} per 30 days`);
}

/** The least-squares line through the points: the mean, tilted by the server's slope. */
function trendDataset(points, perMonth) {
  if (perMonth === null || perMonth === undefined) return null;
  const days = points.map(p => new Date(p.at).getTime() / DAY_MS);
  const meanX = days.reduce((a, b) => a + b, 0) / days.length;
  const meanY = points.reduce((a, p) => a + p.value, 0) / points.length;
  return { label: 'Trend', data: days.map(d => meanY + (perMonth / 30) * (d - meanX)), borderDash: [6, 4],
    borderColor: '#5b6575', pointRadius: 0, fill: false };
}
