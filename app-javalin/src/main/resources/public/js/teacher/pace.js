// The speaking rate over the lesson, one point per five-minute window, with the target band when the template has
// one; a click on a point plays that window. A table under the chart gives the same figures to screen readers.
import { h } from '../ui.js';
import { loadChartJs } from '../charts.js';
import { clock } from './live.js';

export function speakingRateChart(windows, target, play) {
  const canvas = h('canvas', { role: 'img', 'aria-label': 'Speaking pace over the lesson, words per minute' });
  const label = w => `${clock(w.start).replace(/\.\d$/, '')}–${clock(w.end).replace(/\.\d$/, '')}`;
  const figure = h('figure', { class: 'pace-chart' },
    h('figcaption', {}, h('strong', {}, 'Speaking pace over the lesson'), h('span', { class: 'hint' },
      ' words per minute in each five minutes of the lesson; select a point to hear it')),
    h('div', { class: 'chart-box' }, canvas),
    h('details', {}, h('summary', {}, 'The figures'), h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Part of the lesson'), h('th', { scope: 'col' }, 'Words per minute'))),
      h('tbody', {}, windows.map(w => h('tr', {}, h('td', {}, label(w)),
        h('td', {}, w.wordsPerMinute === null ? 'silent' : String(Math.round(w.wordsPerMinute)))))))));
  const line = value => windows.map(() => value);
  loadChartJs().then(Chart => {
    if (!canvas.isConnected) return;
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: windows.map(label),
        datasets: [
          { label: 'Words per minute', data: windows.map(w => w.wordsPerMinute), borderColor: '#1f5fbf',
            backgroundColor: '#1f5fbf', tension: 0.2, spanGaps: true },
          target && typeof target.min === 'number' ? { label: 'Target from', data: line(target.min), borderDash: [6, 4],
            borderColor: '#1b7a43', pointRadius: 0 } : null,
          target && typeof target.max === 'number' ? { label: 'Target up to', data: line(target.max), borderDash: [6, 4],
            borderColor: '#1b7a43', pointRadius: 0 } : null,
        ].filter(Boolean),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: Boolean(target) } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'words/min' } } },
        onClick: (event, elements) => { if (elements.length) play(windows[elements[0].index].start); },
      },
    });
  }).catch(() => canvas.replaceWith(h('p', { class: 'hint' }, 'The chart could not be drawn; the figures are below.')));
  return figure;
}
