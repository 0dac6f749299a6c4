// 运行: the table follows the runs while one is running.
(function () {
  var table = document.getElementById('runs');
  if (!table) {
    return;
  }
  function label(status) {
    return { running: '运行中', completed: '已完成', failed: '失败', stopped: '已停止' }[status] || status;
  }
  function refresh() {
    fetch(table.getAttribute('data-source'), { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (runs) {
        var body = table.querySelector('tbody');
        body.textContent = '';
        runs.forEach(function (run) {
          var row = document.createElement('tr');
          [run.id, run.period, run.startedAt, run.finishedAt, label(run.status), run.files, run.inbox]
            .forEach(function (value, i) {
              var cell = document.createElement('td');
              cell.textContent = value === null || value === undefined ? '' : String(value);
              if (i === 0 || i === 5) { cell.className = 'num'; }
              row.appendChild(cell);
            });
          body.appendChild(row);
        });
        if (runs.some(function (run) { return run.status === 'running'; })) {
          setTimeout(refresh, 1000);
        }
      });
  }
  refresh();
})();
