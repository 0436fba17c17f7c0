/* ré_action — the volunteer search, enhanced: "use my position" and a Leaflet map of the
   results. Without JavaScript the form and the list work alone; nothing here is required. */
(function () {
  "use strict";

  function setupGeolocation() {
    var wrapper = document.querySelector("[data-geolocate-wrapper]");
    if (!wrapper || !("geolocation" in navigator)) {
      return;
    }
    var button = wrapper.querySelector("[data-geolocate]");
    var status = wrapper.querySelector("[data-geolocate-status]");
    var form = wrapper.closest("form");
    wrapper.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = button.dataset.waiting;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          form.elements.lat.value = position.coords.latitude.toFixed(5);
          form.elements.lon.value = position.coords.longitude.toFixed(5);
          form.elements.q.value = "";
          if (form.elements.page) {
            form.elements.page.value = "";
          }
          form.submit();
        },
        function () {
          status.textContent = button.dataset.failed;
        },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
  }

  function popupContent(features, kmLabel) {
    var list = document.createElement("ul");
    list.className = "need-map__popup";
    features.forEach(function (feature) {
      var properties = feature.properties;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = properties.url;
      link.textContent = properties.title;
      item.appendChild(link);
      item.appendChild(
        document.createTextNode(" — " + properties.distance_km.toFixed(1) + " " + kmLabel)
      );
      list.appendChild(item);
    });
    var container = document.createElement("div");
    var place = document.createElement("p");
    place.textContent = features[0].properties.place + ", " + features[0].properties.town;
    container.appendChild(place);
    container.appendChild(list);
    return container;
  }

  /* Needs of one place share its point: one marker per point, its popup lists them all. */
  function groupByPoint(features) {
    var groups = [];
    var byKey = {};
    features.forEach(function (feature) {
      var key = feature.geometry.coordinates.join(",");
      if (!byKey[key]) {
        byKey[key] = [];
        groups.push(byKey[key]);
      }
      byKey[key].push(feature);
    });
    return groups;
  }

  function setupMap() {
    var element = document.getElementById("need-map");
    var dataElement = document.getElementById("need-map-data");
    if (!element || !dataElement || !window.L) {
      return;
    }
    var data = JSON.parse(dataElement.textContent);
    if (!data.features || data.features.length === 0) {
      return;
    }
    var L = window.L;
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
    if (element.dataset.tilesUrl) {
      L.tileLayer(element.dataset.tilesUrl, {
        attribution: element.dataset.attribution,
        maxZoom: 18
      }).addTo(map);
    }
    var markers = groupByPoint(data.features).map(function (features) {
      var coordinates = features[0].geometry.coordinates;
      var label = features[0].properties.place;
      if (features.length > 1) {
        label += " (" + features.length + ")";
      }
      var marker = L.marker([coordinates[1], coordinates[0]], {
        alt: label,
        title: label,
        keyboard: true
      });
      marker.bindPopup(popupContent(features, element.dataset.km));
      return marker;
    });
    var layer = L.featureGroup(markers).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 14 });
    element.dataset.ready = "true";
  }

  function start() {
    setupGeolocation();
    setupMap();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
