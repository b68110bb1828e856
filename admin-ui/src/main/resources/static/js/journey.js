// Draws a journey's BPMN diagram and marks the path taken, the active elements and the
// incidents. The ids come from the page's data attributes.
(function () {
  'use strict';
  var container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') {
    return;
  }
  function ids(name) {
    var text = container.dataset[name] || '';
    return text.split(',').filter(function (id) { return id.length > 0; });
  }
  Banshi.drawDiagram(container, function (viewer) {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    var overlays = viewer.get('overlays');
    var root = canvas.getRootElement();
    function mark(list, marker) {
      list.forEach(function (id) {
        // The process itself is active while the journey runs; marking the root would
        // colour every shape.
        if (registry.get(id) && id !== root.id && registry.get(id).type !== 'bpmn:Process') {
          canvas.addMarker(id, marker);
        }
      });
    }
    mark(ids('completed'), 'bj-done');
    mark(ids('flows'), 'bj-done');
    mark(ids('active'), 'bj-active');
    mark(ids('incidents'), 'bj-incident');
    ids('incidents').forEach(function (id) {
      if (registry.get(id)) {
        var badge = document.createElement('span');
        badge.className = 'bj-incident-badge';
        badge.textContent = '!';
        overlays.add(id, 'incident', { position: { top: -10, right: 10 }, html: badge });
      }
    });
  });
})();
