// ECharts, from its WebJar: charts that work offline.
const charts = new Set();
window.addEventListener('resize', () => charts.forEach(chart => chart.resize()));

export function chart(element, option) {
  const instance = echarts.init(element, null, { renderer: 'canvas' });
  instance.setOption(option);
  charts.add(instance);
  return instance;
}

export function disposeAll() { charts.forEach(chart => chart.dispose()); charts.clear(); }
