// ré_action — a need's page: the phone field shows only when the volunteer shares their phone
// (without JavaScript it is always there, and the server asks for it when needed).
(function () {
  "use strict";
  var phone = document.getElementById("id_phone");
  var radios = document.querySelectorAll("input[name=contact_channel]");
  if (!phone || !radios.length) return;
  var field = phone.closest(".field");
  function update() {
    var chosen = document.querySelector("input[name=contact_channel]:checked");
    var wanted = chosen && chosen.value === "phone";
    field.hidden = !wanted && !field.classList.contains("field--error");
  }
  radios.forEach(function (radio) { radio.addEventListener("change", update); });
  update();
})();

// The place on a small map (its public point), over the offline basemap (map.js).
(function () {
  "use strict";
  var element = document.getElementById("need-map");
  if (!element || !window.reactionMap) return;
  var map = window.reactionMap.create(element);
  if (!map) return;
  var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
  map.setView(point, 9);
  window.L.marker(point, {
    icon: window.reactionMap.badge("", "map-badge--place"),
    title: element.dataset.place,
    keyboard: false
  }).addTo(map);
  element.dataset.ready = "true";
})();
