// The errand page: draws the errand's BPMN with bpmn-js and marks the step it is at, and
// follows the errand live. The server pushes an "errand" event (the errand as JSON) on
// every change; the page then fetches its live part again (rendered by the server, so
// every text is escaped and in the reader's language), moves the marker on the diagram
// and tells the inbox panel to reload. Browser tests wait on data-rendered and on the
// live part's data-status.
(function () {
  'use strict';
  var page = document.getElementById('errand-page');
  if (!page) {
    return;
  }
  var container = document.getElementById('diagram');
  var viewer = null;
  var marked = null;

  function live() {
    return document.getElementById('live');
  }

  function mark(elementId) {
    if (!viewer) {
      return;
    }
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    if (marked && registry.get(marked)) {
      canvas.removeMarker(marked, 'bj-active');
    }
    marked = null;
    if (elementId && registry.get(elementId) && registry.get(elementId).type !== 'bpmn:Process') {
      canvas.addMarker(elementId, 'bj-active');
      marked = elementId;
    }
    container.dataset.active = marked || '';
  }

  function markCurrent() {
    var current = live() ? live().dataset.current : '';
    var status = live() ? live().dataset.status : '';
    var ended = status === 'completed' || status === 'canceled' || status === 'failed';
    mark(ended ? null : current);
  }

  if (container && typeof BpmnJS !== 'undefined') {
    viewer = new BpmnJS({ container: container });
    fetch(container.dataset.url, { credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        markCurrent();
        container.dataset.rendered = 'true';
      })
      .catch(function (error) {
        container.dataset.rendered = 'error';
        container.textContent = String(error);
      });
  }

  if (!page.dataset.events || typeof EventSource === 'undefined') {
    return;
  }
  var stream = new EventSource(page.dataset.events);
  var fetching = Promise.resolve();
  stream.addEventListener('errand', function (event) {
    var errand = JSON.parse(event.data);
    var ended = errand.status === 'completed' || errand.status === 'canceled' || errand.status === 'failed';
    if (ended) {
      // The server ends the stream now; reconnecting would only be told so again.
      stream.close();
    }
    // One fetch after another, so that an older answer never replaces a newer one.
    fetching = fetching.then(function () {
      return fetch(page.dataset.live, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var old = live();
          var options = (errand.options || []).map(function (option) { return String(option.name); }).join('|');
          if (old && old.dataset.status === 'waiting_confirm' && errand.status === 'waiting_confirm'
              && old.dataset.options === options) {
            // The same confirm still waits: keep the person's half-made choice.
            return;
          }
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.querySelector('#live');
          if (old && fresh) {
            old.replaceWith(fresh);
            fresh.dataset.pushes = String(Number(old.dataset.pushes || '0') + 1);
          }
          markCurrent();
          document.body.dispatchEvent(new CustomEvent('banshi:changed'));
        })
        .catch(function () {
          // The next event fetches again.
        });
    });
  });
})();
