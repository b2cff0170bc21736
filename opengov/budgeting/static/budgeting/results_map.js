// Projects of the results page on a Leaflet map (tiles may fail offline; markers still show).
(function () {
  "use strict";
  var box = document.getElementById("pb-map");
  var data = document.getElementById("pb-map-points");
  if (!box || !data || !window.L) { return; }
  var points = JSON.parse(data.textContent);
  var map = window.L.map(box, { scrollWheelZoom: false });
  window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
    maxZoom: 18, attribution: "© OpenStreetMap"
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    var marker = window.L.circleMarker([p.lat, p.lon], {
      radius: 9, weight: 2, color: "#fff", fillOpacity: 0.95,
      fillColor: p.funded ? "#2b8a3e" : "#868e96", className: "pb-marker"
    }).addTo(map);
    marker.bindPopup(document.createTextNode(p.title));
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length === 1) { map.setView(bounds[0], 15); } else { map.fitBounds(bounds, { padding: [24, 24] }); }
})();
