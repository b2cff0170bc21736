// Draws one spatial layer from its GeoJSON URL; the page's tables carry the same information.
(function () {
  "use strict";
  var box = document.getElementById("layer-map");
  if (!box || typeof L === "undefined") { return; }
  var map = L.map(box, { scrollWheelZoom: false }).setView([18.8, 99.0], 7);
  L.tileLayer(box.dataset.tiles, { maxZoom: 18, attribution: box.dataset.attribution }).addTo(map);
  fetch(box.getAttribute("data-geojson"), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      var shown = L.geoJSON(data, {
        style: { color: "#7a3e00", weight: 1, fillOpacity: 0.3 },
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 5, color: "#333", fillColor: "#555", fillOpacity: 0.8 });
        },
        onEachFeature: function (feature, layer) {
          var p = feature.properties || {};
          var text = document.createElement("span");
          text.textContent = [p["class"], p.name, p.year].filter(Boolean).join(" · ");
          layer.bindPopup(text);
        }
      }).addTo(map);
      if (shown.getBounds().isValid()) { map.fitBounds(shown.getBounds(), { animate: false }); }
    });
})();
