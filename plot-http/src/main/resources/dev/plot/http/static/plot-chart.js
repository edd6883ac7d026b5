// Draws a plot chart page with uPlot. The data comes from the page's JSON element, never from
// markup, and every text goes in through textContent, so nothing in a title or label can run.
(function () {
  'use strict';

  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd',
    '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

  var data = JSON.parse(document.getElementById('plot-data').textContent);
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  document.getElementById('zone').textContent = 'Times in ' + zone + '.';

  // One table per series; join aligns their times and keeps nulls as gaps.
  var tables = data.series.map(function (series) {
    return [
      series.points.map(function (p) { return p[0]; }),
      series.points.map(function (p) { return p[1]; })
    ];
  });
  var aligned = tables.length === 1 ? tables[0] : uPlot.join(tables);
  if (data.type === 'stacked') {
    aligned = stack(aligned);
  }

  var series = [{}].concat(data.series.map(function (one, i) {
    var color = COLORS[i % COLORS.length];
    var options = { label: one.label, stroke: color, width: 1.5, spanGaps: false };
    if (data.type === 'area' || data.type === 'stacked') {
      options.fill = color + '59';
    }
    if (data.type === 'bar') {
      options.paths = uPlot.paths.bars({ size: [0.8, 50] });
      options.fill = color;
    }
    return options;
  }));

  var chart = document.getElementById('chart');
  var width = Math.min(data.width, Math.max(300, document.body.clientWidth - 20));
  new uPlot({
    width: width,
    height: data.height,
    series: series,
    scales: { x: { time: true } },
    axes: [{}, { label: data.unit }]
  }, aligned, chart);

  // Each series sits on the sum of those before it; a gap stays a gap.
  function stack(table) {
    var out = [table[0]];
    var below = table[0].map(function () { return 0; });
    for (var s = 1; s < table.length; s++) {
      out.push(table[s].map(function (value, i) {
        if (value === null || value === undefined) {
          return value;
        }
        below[i] += value;
        return below[i];
      }));
    }
    return out;
  }
})();
