/* ré_action — the partner's place on a Leaflet map, with the circle within which the public
   sees it. Progressive enhancement: the page already gives the position as text. */
(function () {
  "use strict";

  function setupMap() {
    var element = document.getElementById("place-map");
    if (!element || !window.L) {
      return;
    }
    var L = window.L;
    var lat = parseFloat(element.dataset.lat);
    var lon = parseFloat(element.dataset.lon);
    if (isNaN(lat) || isNaN(lon)) {
      return;
    }
    // The shared map of matching/map.js: offline basemap of France, or tiles by setting.
    var map = window.reactionMap && window.reactionMap.create(element);
    if (!map) {
      return;
    }
    var point = L.latLng(lat, lon);
    var radius = parseFloat(element.dataset.radiusM) || 0;
    // The map needs a view before layers are added (a circle's bounds need the map's projection).
    if (radius > 0) {
      map.fitBounds(point.toBounds(radius * 2), { padding: [24, 24], maxZoom: 16 });
    } else {
      map.setView(point, 16);
    }
    L.marker(point, { alt: element.dataset.name, title: element.dataset.name }).addTo(map);
    if (radius > 0) {
      L.circle(point, { radius: radius, weight: 1 }).addTo(map);
    }
    element.dataset.ready = "true";
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setupMap);
  } else {
    setupMap();
  }
})();
