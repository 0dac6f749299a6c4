// The period's charts: a bar chart per campaign from chart.json.
(function () {
  var holder = document.getElementById('charts');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  fetch(holder.getAttribute('data-source'), { credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (campaigns) {
      Object.keys(campaigns).forEach(function (campaign) {
        var box = document.createElement('div');
        box.className = 'chart';
        holder.appendChild(box);
        var metrics = campaigns[campaign];
        echarts.init(box).setOption({
          title: { text: campaign, left: 'center' },
          tooltip: {},
          grid: { bottom: 80 },
          xAxis: { type: 'category', data: Object.keys(metrics), axisLabel: { interval: 0, rotate: 20 } },
          yAxis: { type: 'value' },
          series: [{ type: 'bar', data: Object.values(metrics), itemStyle: { color: '#4682b4' } }]
        });
      });
    });
})();
