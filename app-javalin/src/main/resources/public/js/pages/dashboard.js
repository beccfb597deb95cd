// #/dashboard: the school manager's figures, each leading into the list behind it.
import { api } from '../api.js';
import { h, fill, errorBox, title, skeleton } from '../ui.js';
import { own, score, statCard, table } from '../manager/common.js';

const REASONS = { low_average: 'Low average', falling: 'Falling scores' };

export async function render(page, { me }) {
  const main = own(page);
  fill(main, title('Dashboard'), skeleton('card', 'Loading the figures'));
  const school = encodeURIComponent(me.schoolId);
  let figures;
  let summary;
  try {
    [figures, summary] = await Promise.all([api(`/api/schools/${school}/dashboard`),
      api(`/api/schools/${school}/summary`)]);
  } catch (e) {
    fill(main, title('Dashboard'), errorBox(e));
    return;
  }
  const monthStart = `${figures.month}-01`;
  fill(main, title('Dashboard'),
    h('div', { class: 'stats' },
      statCard(`Recordings in ${monthName(figures.month)}`, figures.recordingsThisMonth,
        `#/recordings?from=${monthStart}`),
      statCard('In processing', figures.inProcessing, '#/recordings?status=queued,processing,transcribed'),
      statCard('Failed', figures.failed, '#/recordings?status=failed'),
      statCard('Average overall score', score(summary.averageOverall)),
      statCard('Analysed lessons', summary.analyses)),
    h('h2', {}, 'Average score per criterion'),
    figures.criterionAverages.length
      ? table('Average score per criterion', ['Criterion', 'Average', 'Scores'],
        figures.criterionAverages.map(c => h('tr', {}, h('td', {}, c.criterion), h('td', {}, score(c.mean)),
          h('td', {}, c.scores))))
      : h('p', { class: 'muted' }, 'No lesson has been analysed yet.'),
    h('h2', {}, 'Teachers who may need support'),
    h('p', { class: 'muted' }, figures.supportRule),
    figures.teachersNeedingSupport.length
      ? table('Teachers who may need support', ['Teacher', 'Recent average', 'Trend per 30 days', 'Why'],
        figures.teachersNeedingSupport.map(t => h('tr', {},
          h('td', {}, h('a', { href: `#/teachers/${encodeURIComponent(t.teacherId)}/progress` }, t.displayName)),
          h('td', {}, `${score(t.recentAverage)} (last ${t.recentLessons})`),
          h('td', {}, t.trendPer30Days === null ? '–' : signed(t.trendPer30Days)),
          h('td', {}, t.reasons.map(r => h('span', { class: 'badge concern' }, REASONS[r] || r))))))
      : h('p', {}, 'No teacher meets the rule at the moment.'),
    h('p', {}, h('a', { href: '#/teachers' }, 'All teachers'), ' · ', h('a', { href: '#/recordings' }, 'All recordings')));
}

function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString(undefined, { month: 'long', year: 'numeric',
    timeZone: 'UTC' });
}

function signed(value) {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}
