/* Hotspot map: detections fetched from our API (GeoJSON) and drawn as circles coloured by fire
   radiative power or by land-use class (the legend under the map explains both; the tables under
   the map count the same window, so the page works without this script). OpenStreetMap tiles are
   decoration only: offline the map still shows Thailand's outline and the points. */
(function () {
  "use strict";
  var element = document.getElementById("hs-map");
  var dataElement = document.getElementById("hs-map-data");
  if (!element || !dataElement || typeof L === "undefined") { return; }
  var data = JSON.parse(dataElement.textContent);
  var labels = data.labels;
  var status = document.getElementById("hs-map-status");
  var map = L.map(element, { scrollWheelZoom: false, keyboard: true, preferCanvas: true })
    .setView([16.5, 101.0], 5);
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
  var points = L.layerGroup().addTo(map);
  var features = [];
  var mode = "frp";
  var timeFormat = new Intl.DateTimeFormat(
    data.language === "th" ? "th-TH-u-ca-buddhist" : "en-GB",
    { timeZone: "Asia/Bangkok", dateStyle: "long", timeStyle: "short" }
  );

  function say(message) { if (status) { status.textContent = message; } }

  function frpClass(frp) {
    var index = 0;
    while (index < data.frpBreaks.length && frp !== null && frp >= data.frpBreaks[index]) { index += 1; }
    return index;
  }

  function style(properties) {
    var frp = typeof properties.frp === "number" ? properties.frp : null;
    var level = frpClass(frp);
    var colour = data.frpColours[level];
    if (mode === "land_use") {
      var zone = data.landUse[properties.land_use_class] || data.landUse.unknown;
      colour = zone.colour;
    }
    return { radius: 3 + level, color: "#1b1f24", weight: 0.6, fillColor: colour, fillOpacity: 0.85 };
  }

  function row(list, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    dd.textContent = value;
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function popup(properties) {
    var box = document.createElement("div");
    box.className = "hs-popup";
    var list = document.createElement("dl");
    row(list, labels.acquired, timeFormat.format(new Date(properties.acquired_at)));
    row(list, labels.satellite, properties.instrument + " " + properties.satellite);
    row(list, labels.frp, typeof properties.frp === "number" ? properties.frp.toFixed(1) + " MW" : "");
    row(list, labels.confidence, properties.confidence_pct !== null && properties.confidence_pct !== undefined
      ? properties.confidence_class + " (" + properties.confidence_pct + ")" : properties.confidence_class);
    row(list, labels.daynight, properties.daynight === "D" ? labels.day : properties.daynight === "N" ? labels.night : "");
    var zone = data.landUse[properties.land_use_class];
    row(list, labels.land_use, zone ? zone.label : properties.land_use_class);
    row(list, labels.place, [properties.country_code, properties.province_code, properties.district_code]
      .filter(function (part) { return part; }).join(" / "));
    if (properties.risk_place_name) {
      var km = typeof properties.risk_place_km === "number" ? " (" + properties.risk_place_km.toFixed(1) + " km)" : "";
      row(list, labels.risk_place, properties.risk_place_name + km);
    }
    box.appendChild(list);
    return box;
  }

  function draw() {
    points.clearLayers();
    features.forEach(function (feature) {
      var coordinates = feature.geometry && feature.geometry.coordinates;
      if (!coordinates) { return; }
      var circle = L.circleMarker([coordinates[1], coordinates[0]], style(feature.properties));
      circle.bindPopup(function () { return popup(feature.properties); });
      points.addLayer(circle);
    });
  }

  function showLegend() {
    document.querySelectorAll(".hs-legend").forEach(function (legend) {
      legend.hidden = legend.dataset.mode !== mode;
    });
  }

  document.querySelectorAll("input[name='colour']").forEach(function (input) {
    input.addEventListener("change", function () {
      if (!input.checked) { return; }
      mode = input.value;
      showLegend();
      draw();
    });
  });
  showLegend();

  say(labels.loading);
  var query = new URLSearchParams(data.params);
  fetch(data.url + "?" + query.toString(), { headers: { Accept: "application/geo+json, application/json" } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (collection) {
      features = collection.features || [];
      draw();
      element.dataset.loaded = String(features.length);
      if (!features.length) { say(labels.none); return; }
      var count = features.length.toLocaleString(data.language === "th" ? "th-TH" : "en-GB");
      say((collection.truncated ? labels.truncated : labels.shown).replace("%(count)s", count));
      var bounds = L.latLngBounds(features.map(function (f) {
        return [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      }));
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 10, animate: false });
    })
    .catch(function () { element.dataset.loaded = "error"; say(labels.failed); });

  fetch(element.dataset.outlineUrl + "country/THA?geometry=true&simplify=0.02", { headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (area) {
      if (!area || !area.geometry) { return; }
      L.geoJSON(area.geometry, { style: { color: "#084468", weight: 1.5, fill: false, interactive: false } })
        .addTo(map).bringToBack();
    })
    .catch(function () { /* the outline is context only */ });
}());
