// Super admin: recordings, audio hours and estimated processing cost per school per month, and the work right now.
import { api } from '../api.js';
import { h, fill, field, errorBox, title, formatDuration } from '../ui.js';
import { loadChartJs } from '../charts.js';
import { money, hours } from '../admin/common.js';

const REFRESH_MS = 10000;

export async function render(main) {
  const months = h('select', { name: 'months' }, [3, 6, 12, 24].map(n => h('option', { value: n }, `${n} months`)));
  months.value = '12';
  const workload = h('section', { class: 'card', 'aria-labelledby': 'work-now' });
  const report = h('div');
  main.append(title('Usage & cost'), workload,
    h('form', { class: 'filters', onchange: () => showUsage(report, months.value), onsubmit: e => e.preventDefault() },
      field('Period', months)),
    report);

  let chart = null;
  async function showUsage(target, count) {
    try {
      const usage = await api(`/api/admin/usage?months=${count}`);
      if (chart) chart.destroy();
      chart = await drawUsage(target, usage);
    } catch (err) {
      fill(target, errorBox(err));
    }
  }

  const refreshWorkload = () => showWorkload(workload);
  await Promise.all([refreshWorkload(), showUsage(report, months.value)]);
  const timer = setInterval(refreshWorkload, REFRESH_MS);
  return () => {
    clearInterval(timer);
    if (chart) chart.destroy();
  };
}

async function showWorkload(target) {
  try {
    const w = await api('/api/admin/workload');
    const q = w.queue;
    fill(target, h('h2', { id: 'work-now' }, 'Queue and workers now'),
      h('div', { class: 'stats' },
        stat(q.waiting, 'waiting', 'queue-waiting'), stat(q.inProgress, 'in progress', 'queue-in-progress'),
        stat(q.deadLettered, 'given up (dead-lettered)', 'queue-dead'),
        stat(q.waiting > 0 ? formatDuration(q.oldestWaitSeconds) : '–', 'oldest wait', 'queue-oldest')),
      w.mode === 'local'
        ? h('p', { class: 'workers' }, `${w.inProcessWorkers} worker thread${w.inProcessWorkers === 1 ? '' : 's'} in `
          + 'this process (local mode; CLASSREFLECT_WORKER_THREADS).')
        : fleet(w));
  } catch (err) {
    fill(target, h('h2', { id: 'work-now' }, 'Queue and workers now'), errorBox(err));
  }
}

function fleet(w) {
  if (!w.fleet) {
    return h('p', { class: 'workers' }, 'AWS mode without a fleet (CLASSREFLECT_FLEET=none): the worker hosts are '
      + `not visible from here. This API process runs ${w.inProcessWorkers} worker thread(s) itself.`);
  }
  if (w.fleet.length === 0) return h('p', { class: 'workers' }, 'No worker host is running: idle schools cost nothing.');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table' },
    h('thead', {}, h('tr', {}, ['Worker', 'State', 'Busy', 'Launched'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, w.fleet.map(i => h('tr', {}, h('td', {}, i.id), h('td', {}, i.state),
      h('td', {}, i.busy ? 'yes' : 'no'), h('td', {}, new Date(i.launchedAt).toLocaleString()))))));
}

function stat(value, label, id) {
  return h('div', { class: 'stat', dataset: { stat: id } }, h('div', { class: 'value' }, String(value)),
    h('div', { class: 'label' }, label));
}

async function drawUsage(target, usage) {
  const a = usage.assumptions;
  const rows = usage.months;
  const total = (key, list) => list.reduce((sum, r) => sum + r[key], 0);
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Estimated processing cost per month, stacked by school; '
    + 'the table below has the same figures.' });
  fill(target,
    h('div', { class: 'stats' },
      stat(total('recordings', rows), 'recordings in the period', 'recordings'),
      stat(hours(total('audioHours', rows)), 'audio hours', 'audio-hours'),
      stat(money(total('estimatedCost', rows)), 'estimated processing cost', 'cost')),
    h('section', { class: 'card' }, h('h2', {}, 'Estimated processing cost per month'),
      rows.length === 0 ? h('p', { class: 'empty' }, 'No recordings in this period.')
        : h('div', { class: 'chart-box' }, canvas)),
    h('div', { class: 'table-wrap' }, h('table', { class: 'admin-table usage' },
      h('thead', {}, h('tr', {}, ['Month', 'School', 'Recordings', 'Audio hours', 'Estimated cost']
        .map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map(r => h('tr', { dataset: { school: r.schoolId, month: r.month } },
        h('td', { dataset: { label: 'Month' } }, r.month),
        h('td', { dataset: { label: 'School' } }, r.schoolName),
        h('td', { dataset: { label: 'Recordings' } }, String(r.recordings)),
        h('td', { dataset: { label: 'Audio hours' } }, hours(r.audioHours)),
        h('td', { dataset: { label: 'Estimated cost', cost: String(r.estimatedCost) } }, money(r.estimatedCost))))))),
    h('p', { class: 'hint assumptions' },
      `Estimated with the cost model: ${a.instance} at ${money(a.pricePerHour)}/h (${a.purchase.replace('_', ' ')}), `
      + `real-time factor ${a.realTimeFactor} (assumed: processing takes ${a.realTimeFactor} × the audio length), `
      + `${Math.round(a.bootOverheadSeconds / 60)} min of start-up per launch, billed at least `
      + `${Math.round(a.minimumBilledSeconds / 60)} min, ${a.recordingsPerLaunch} recording per launch (the upper end: `
      + 'workers that take several recordings per launch share the start-up). Not included: the always-on API host, '
      + `${money(a.fixedMonthlyBase)} a month. Recordings still waiting for their length add no cost yet.`));
  if (rows.length === 0) return null;
  const Chart = await loadChartJs();
  const monthsShown = [...new Set(rows.map(r => r.month))].sort();
  const schools = [...new Set(rows.map(r => r.schoolName))];
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: monthsShown,
      datasets: schools.map(name => ({ label: name, data: monthsShown.map(m =>
        total('estimatedCost', rows.filter(r => r.month === m && r.schoolName === name))) })),
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: 'USD' } } } },
  });
}
