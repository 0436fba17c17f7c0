/* ré_action — the volunteer search, enhanced: "use my position" and a Leaflet map of the
   results, numbered as in the list, with the searched point ("you are here"); its background
   comes from map.js. Without JavaScript the form and the list work alone. */
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
      item.appendChild(document.createTextNode(feature.rank + ". "));
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

  /* Each marker carries the number its need has in the list ("3"), or the first of its
     place's needs ("3+"); its title and popup list them all. */
  function markerFor(features, kmLabel) {
    var L = window.L;
    var coordinates = features[0].geometry.coordinates;
    var ranks = features.map(function (feature) { return feature.rank; });
    var label = ranks.join(", ") + " — " + features[0].properties.place;
    var marker = L.marker([coordinates[1], coordinates[0]], {
      icon: window.reactionMap.badge(ranks.length > 1 ? ranks[0] + "+" : ranks[0],
        "map-badge--need"),
      title: label,
      keyboard: true
    });
    marker.bindPopup(popupContent(features, kmLabel));
    return marker;
  }

  function setupMap() {
    var element = document.getElementById("need-map");
    var dataElement = document.getElementById("need-map-data");
    if (!element || !dataElement || !window.L || !window.reactionMap) {
      return;
    }
    var data = JSON.parse(dataElement.textContent);
    if (!data.features || data.features.length === 0) {
      return;
    }
    var L = window.L;
    var firstRank = parseInt(element.dataset.firstRank || "1", 10);
    data.features.forEach(function (feature, index) { feature.rank = firstRank + index; });
    var map = window.reactionMap.create(element);
    var markers = groupByPoint(data.features).map(function (features) {
      return markerFor(features, element.dataset.km);
    });
    if (element.dataset.hereLat) {
      markers.push(
        L.marker([parseFloat(element.dataset.hereLat), parseFloat(element.dataset.hereLon)], {
          icon: window.reactionMap.badge("", "map-badge--here", 20),
          title: element.dataset.hereLabel,
          keyboard: false,
          zIndexOffset: 1000 // a small dot above the numbers: always visible
        })
      );
    }
    var layer = L.featureGroup(markers).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [28, 28], maxZoom: 12 });
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
