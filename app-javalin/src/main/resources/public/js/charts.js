// Chart.js comes from its webjar and is loaded only by the pages that draw charts.
const CHART_JS = '/webjars/chart.js/4.5.1/dist/chart.umd.min.js';
let loading = null;

export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  loading = loading || new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.onload = () => resolve(window.Chart);
    script.onerror = () => {
      loading = null;
      reject(new Error('The chart library could not be loaded; reload the page to try again.'));
    };
    document.head.append(script);
  });
  return loading;
}
