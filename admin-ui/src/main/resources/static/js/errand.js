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

  function ended(status) {
    return status === 'completed' || status === 'canceled' || status === 'failed';
  }

  function markCurrent() {
    var current = live() ? live().dataset.current : '';
    mark(ended(live() ? live().dataset.status : '') ? null : current);
  }

  if (container && typeof BpmnJS !== 'undefined') {
    Banshi.drawDiagram(container, function (drawn) {
      viewer = drawn;
      markCurrent();
    });
  }

  if (!page.dataset.events || typeof EventSource === 'undefined') {
    return;
  }
  var stream = new EventSource(page.dataset.events);
  var fetching = Promise.resolve();
  stream.addEventListener('errand', function (event) {
    var errand = JSON.parse(event.data);
    if (ended(errand.status)) {
      // The server ends the stream now; reconnecting would only be told so again.
      stream.close();
    }
    // One fetch after another, so that an older answer never replaces a newer one.
    fetching = fetching.then(function () {
      return Banshi.fetchText(page.dataset.live, { 'Accept': 'text/html' })
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
