/* Station map: Leaflet markers (band number + name, never colour alone) and province outlines from
   our own API. OpenStreetMap tiles are optional decoration: without them the map still shows the
   outlines and markers, and the table under the map lists the same stations. */
(function () {
  "use strict";
  var element = document.getElementById("air-map");
  var dataElement = document.getElementById("air-map-data");
  if (!element || !dataElement || typeof L === "undefined") { return; }
  var data = JSON.parse(dataElement.textContent);
  var labels = data.labels;
  var map = L.map(element, { scrollWheelZoom: false, keyboard: true }).setView([18.8, 99.0], 7);
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);

  function text(tag, content, className) {
    var node = document.createElement(tag);
    node.textContent = content;
    if (className) { node.className = className; }
    return node;
  }

  function popup(marker) {
    var box = document.createElement("div");
    box.className = "air-popup";
    box.appendChild(text("p", marker.name, "air-popup__name"));
    if (marker.area) { box.appendChild(text("p", marker.area)); }
    var band = text("p", "");
    var swatch = text("span", marker.aqi, "aqi-swatch aqi-th-" + (marker.band || "none"));
    band.appendChild(swatch);
    band.appendChild(document.createTextNode(" " + marker.bandName));
    box.appendChild(band);
    var list = document.createElement("dl");
    if (!marker.stale) {
      list.appendChild(text("dt", labels.this_hour));
      list.appendChild(text("dd", marker.pm25_1h ? marker.pm25_1h + " " + labels.unit : "–"));
      list.appendChild(text("dt", labels.official));
      list.appendChild(text("dd", marker.pm25_24h ? marker.pm25_24h + " " + labels.unit : "–"));
    } else if (marker.age !== null) {
      list.appendChild(text("dt", labels.no_data));
      list.appendChild(text("dd", marker.ageDays !== null
        ? labels.age_days.replace("%(days)s", marker.ageDays)
        : labels.age.replace("%(hours)s", marker.age)));
    }
    if (marker.observed) {
      list.appendChild(text("dt", labels.observed));
      list.appendChild(text("dd", marker.observed));
    }
    box.appendChild(list);
    var link = text("a", labels.details);
    link.href = marker.url;
    box.appendChild(link);
    return box;
  }

  var bounds = [];
  data.markers.forEach(function (marker) {
    if (marker.lat === null || marker.lon === null) { return; }
    var icon = L.divIcon({
      className: "air-marker aqi-th-" + (marker.band || "none"),
      html: "<span aria-hidden=\"true\"></span>",
      iconSize: [34, 34],
      iconAnchor: [17, 17],
      popupAnchor: [0, -16]
    });
    var title = marker.name + " — " + labels.aqi + " " + marker.aqi + ", " + marker.bandName;
    var pin = L.marker([marker.lat, marker.lon], { icon: icon, title: title, alt: title, keyboard: true });
    pin.bindPopup(function () { return popup(marker); });
    pin.addTo(map);
    var iconElement = pin.getElement();
    if (iconElement) {
      iconElement.firstChild.textContent = marker.aqi;
      iconElement.setAttribute("role", "button");
      iconElement.setAttribute("aria-label", title);
    }
    bounds.push([marker.lat, marker.lon]);
  });
  if (bounds.length > 1) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 11, animate: false });
  } else if (bounds.length === 1) {
    map.setView(bounds[0], 10, { animate: false });
  }

  var outlineStyle = { color: "#084468", weight: 2, fill: true, fillOpacity: 0.06, interactive: false };
  var countryStyle = { color: "#4a5563", weight: 1.5, fill: true, fillColor: "#ffffff", fillOpacity: 0.7,
    interactive: false };
  var provinceCount = data.outlines.filter(function (o) { return o[0] === "province"; }).length;
  data.outlines.forEach(function (outline) {
    var level = outline[0];
    var simplify = level === "country" ? "0.02" : "0.005";
    fetch(element.dataset.outlineUrl + level + "/" + encodeURIComponent(outline[1]) +
      "?geometry=true&simplify=" + simplify,
      { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (area) {
        if (!area || !area.geometry) { return; }
        var style = level === "country" ? countryStyle : outlineStyle;
        var layer = L.geoJSON(area.geometry, { style: style }).addTo(map);
        if (level === "country") { layer.bringToBack(); }
        if (level === "province" && provinceCount === 1) {
          map.fitBounds(layer.getBounds(), { animate: false });
        }
      })
      .catch(function () { /* the outline is context only */ });
  });
}());
