// What the console's pages share: fetching a text with the session's cookie, and drawing a
// BPMN diagram with bpmn-js into a container whose data-url names the XML. The container
// gets data-rendered="true" once drawn (browser tests wait on it), or "error".
window.Banshi = window.Banshi || {};
(function (Banshi) {
  'use strict';

  Banshi.fetchText = function (url, headers) {
    return fetch(url, { credentials: 'same-origin', headers: headers || {} })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      });
  };

  // mark(viewer) runs after the import and before the zoom, to add markers and overlays.
  Banshi.drawDiagram = function (container, mark) {
    var viewer = new BpmnJS({ container: container });
    return Banshi.fetchText(container.dataset.url)
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        if (mark) {
          mark(viewer);
        }
        viewer.get('canvas').zoom('fit-viewport', 'auto');
        container.dataset.rendered = 'true';
      })
      .catch(function (error) {
        container.dataset.rendered = 'error';
        container.textContent = String(error);
      });
  };
})(window.Banshi);
