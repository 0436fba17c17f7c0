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
