/* ré_action — the maps' shared background: the offline basemap of France's departments (a
   static GeoJSON served by the portal) or, when the site sets MAP_TILES_URL, online tiles.
   window.reactionMap.create(element) returns a Leaflet map, or null without Leaflet. */
(function () {
  "use strict";

  var LAND = { color: "#a89f8d", weight: 0.8, fillColor: "#fbf8f1", fillOpacity: 1 };
  var LABELS_FROM_ZOOM = 7;

  /* Department names at their centre, once the map is close enough for them to fit. */
  function addLabels(map, data) {
    var L = window.L;
    var labels = L.layerGroup(data.features.map(function (feature) {
      var point = feature.properties.label;
      var span = document.createElement("span");
      span.textContent = feature.properties.name;
      return L.marker([point[1], point[0]], {
        icon: L.divIcon({ className: "map-label", html: span, iconSize: null }),
        interactive: false,
        keyboard: false,
        zIndexOffset: -1000 // under every marker
      });
    }));
    function update() {
      if (map.getZoom() >= LABELS_FROM_ZOOM) {
        labels.addTo(map);
      } else {
        labels.remove();
      }
    }
    map.on("zoomend", update);
    update();
  }

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
        addLabels(map, data);
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

  /* A round marker showing ``text`` (the need's number in the list, or a dot for "here"),
     ``size`` pixels high (30 by default). */
  function badge(text, className, size) {
    var span = document.createElement("span");
    span.textContent = text;
    var height = size || 30;
    var width = String(text).length > 2 ? height + 10 : height;
    return window.L.divIcon({
      className: "map-badge " + className,
      html: span,
      iconSize: [width, height],
      iconAnchor: [width / 2, height / 2],
      popupAnchor: [0, -14]
    });
  }

  window.reactionMap = { create: create, badge: badge };
})();
