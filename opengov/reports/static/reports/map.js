/* Report maps: the list page draws the filtered reports from our GeoJSON; the detail page shows
   the place. The list under the map shows the same reports, so pages work without this script. */
(function () {
  "use strict";
  if (typeof L === "undefined") { return; }
  function base(element, view, zoom) {
    var map = L.map(element, { scrollWheelZoom: false, zoomAnimation: false }).setView(view, zoom);
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
    return map;
  }
  var colours = { submitted: "#d97706", reopened: "#d97706", acknowledged: "#0b5c8e",
    in_progress: "#0b5c8e", resolved: "#1e6b35" };
  var list = document.getElementById("rp-map");
  if (list) {
    var map = base(list, [18.79, 98.98], 8);
    fetch(list.dataset.geojson, { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            var p = feature.properties;
            return L.circleMarker(latlng, { radius: p.corroborated ? 9 : 7, weight: p.corroborated ? 3 : 1,
              color: p.corroborated ? "#b3261e" : "#1b1f24", fillColor: colours[p.state] || "#6b7280", fillOpacity: 0.9 });
          },
          onEachFeature: function (feature, marker) {
            var p = feature.properties;
            var box = document.createElement("div");
            var link = document.createElement("a");
            link.href = p.url;
            link.textContent = "#" + p.id + " " + p.category_label;
            box.appendChild(link);
            box.appendChild(document.createElement("br"));
            box.appendChild(document.createTextNode(p.state_label));
            marker.bindPopup(box);
          }
        }).addTo(map);
        if (data.features.length) { map.fitBounds(layer.getBounds(), { maxZoom: 13, padding: [24, 24], animate: false }); }
      })
      .catch(function () { /* the list below shows the same reports */ });
  }
  var one = document.getElementById("rp-detail-map");
  if (one) {
    var point = [parseFloat(one.dataset.lat), parseFloat(one.dataset.lon)];
    L.marker(point, { keyboard: false }).addTo(base(one, point, 14));
  }
})();
