// Draws the dashboard's charts with Chart.js from /dashboard/data and refreshes them
// every 30 seconds. Labels come from the page's data attributes (message keys).
(function () {
  'use strict';
  var root = document.getElementById('dashboard');
  if (!root || typeof Chart === 'undefined') {
    return;
  }
  var charts = {};
  function minute(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
  }
  function short(text) {
    return text.length > 40 ? text.substring(0, 39) + '\u2026' : text;
  }
  function draw(id, config) {
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update();
    } else {
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
      charts[id] = new Chart(document.getElementById(id), config);
    }
  }
  function load() {
    fetch(root.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        draw('chart-throughput', {
          type: 'line',
          data: {
            labels: data.minutes.map(minute),
            datasets: [
              { label: root.dataset.started, data: data.started, borderColor: '#2563eb', backgroundColor: '#2563eb' },
              { label: root.dataset.completed, data: data.completed, borderColor: '#16a34a', backgroundColor: '#16a34a' },
              { label: root.dataset.failed, data: data.failed, borderColor: '#dc2626', backgroundColor: '#dc2626' }
            ]
          },
          options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
        draw('chart-latency', {
          type: 'bar',
          data: {
            labels: data.latency.map(function (l) { return l.elementId; }),
            datasets: [{ label: root.dataset.latency, data: data.latency.map(function (l) { return l.meanMillis; }), backgroundColor: '#c2410c' }]
          },
          options: { indexAxis: 'y' }
        });
        draw('chart-incidents', {
          type: 'bar',
          data: {
            labels: data.topIncidents.map(function (i) { return short(i.message); }),
            datasets: [{ label: root.dataset.incidents, data: data.topIncidents.map(function (i) { return i.count; }), backgroundColor: '#dc2626' }]
          },
          options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
        root.dataset.rendered = 'true';
      });
  }
  load();
  setInterval(load, 30000);
})();
