/* The report form's map pin and "Use my location": both only fill the latitude and longitude
   fields, which people without JavaScript type in themselves. */
(function () {
  "use strict";
  var element = document.getElementById("rp-pick-map");
  var lat = document.getElementById("id_lat");
  var lon = document.getElementById("id_lon");
  if (!element || !lat || !lon || typeof L === "undefined") { return; }
  var start = lat.value && lon.value ? [parseFloat(lat.value), parseFloat(lon.value)] : [18.79, 98.98];
  var map = L.map(element, { scrollWheelZoom: false }).setView(start, lat.value ? 14 : 9);
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
  var marker = null;
  function place(latlng, pan) {
    if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng, { draggable: true }).addTo(map);
      marker.on("dragend", function () { place(marker.getLatLng(), false); }); }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    if (pan) { map.setView(latlng, Math.max(map.getZoom(), 14)); }
    lat.dispatchEvent(new Event("change", { bubbles: true }));
  }
  if (lat.value && lon.value) { place(L.latLng(start[0], start[1]), false); }
  map.on("click", function (event) { place(event.latlng, false); });
  function moved() {
    var a = parseFloat(lat.value), b = parseFloat(lon.value);
    if (isFinite(a) && isFinite(b)) { place(L.latLng(a, b), true); }
  }
  lat.addEventListener("input", moved);
  lon.addEventListener("input", moved);
  var button = document.getElementById("rp-locate");
  var status = document.getElementById("rp-locate-status");
  if (button) {
    if (!navigator.geolocation) { button.hidden = true; return; }
    button.addEventListener("click", function () {
      status.textContent = button.dataset.wait || "…";
      navigator.geolocation.getCurrentPosition(function (position) {
        status.textContent = "";
        place(L.latLng(position.coords.latitude, position.coords.longitude), true);
      }, function () { status.textContent = button.dataset.failed || "×"; }, { enableHighAccuracy: true, timeout: 15000 });
    });
  }
})();
