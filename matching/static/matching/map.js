/* ré_action — the maps' shared background: the offline basemap of France's departments (a
   static GeoJSON served by the portal) or, when the site sets MAP_TILES_URL, online tiles.
   window.reactionMap.create(element) returns a Leaflet map, or null without Leaflet. */
(function () {
  "use strict";

  var LAND = { color: "#a89f8d", weight: 0.8, fillColor: "#fbf8f1", fillOpacity: 1 };

  function addBasemap(map, element) {
    var L = window.L;
    if (element.dataset.tilesUrl) {
      L.tileLayer(element.dataset.tilesUrl, {
        attribution: element.dataset.attribution,
        maxZoom: 18
      }).addTo(map);
      return;
    }
    if (!element.dataset.basemapUrl || !window.fetch) {
      return;
    }
    map.attributionControl.addAttribution(element.dataset.basemapAttribution || "");
    window.fetch(element.dataset.basemapUrl, { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) {
          return;
        }
        var layer = L.geoJSON(data, { style: LAND, interactive: false });
        layer.addTo(map);
        layer.bringToBack();
        element.dataset.basemap = "ready";
      })
      .catch(function () { /* the markers and the list stay readable without it */ });
  }

  function create(element) {
    var L = window.L;
    if (!element || !L) {
      return null;
    }
    element.hidden = false;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", element.dataset.label);
    var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // No fading: a popup is readable (full contrast) as soon as it opens.
    var map = L.map(element, {
      scrollWheelZoom: false,
      fadeAnimation: false,
      zoomAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion
    });
    addBasemap(map, element);
    return map;
  }

  /* A round marker showing ``text`` (the need's number in the list, or a dot for "here"). */
  function badge(text, className) {
    var span = document.createElement("span");
    span.textContent = text;
    return window.L.divIcon({
      className: "map-badge " + className,
      html: span,
      iconSize: [30, 30],
      iconAnchor: [15, 15],
      popupAnchor: [0, -14]
    });
  }

  window.reactionMap = { create: create, badge: badge };
})();
