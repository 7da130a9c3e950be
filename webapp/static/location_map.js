// A small map on the home forms: clicking it fills the latitude and longitude fields (which stay typeable).
// Tiles come from the server configured in MAP_TILE_URL; without one the map is not shown.
(function () {
  "use strict";
  function setUp(box) {
    var latField = document.getElementById(box.dataset.latField);
    var lonField = document.getElementById(box.dataset.lonField);
    if (!window.L || !box.dataset.tileUrl || !latField || !lonField) { return; }
    box.hidden = false;
    var lat = parseFloat(latField.value), lon = parseFloat(lonField.value);
    var placed = !isNaN(lat) && !isNaN(lon);
    var start = placed ? [lat, lon] : [parseFloat(box.dataset.centerLat), parseFloat(box.dataset.centerLon)];
    var map = L.map(box).setView(start, placed ? 16 : 13);
    L.tileLayer(box.dataset.tileUrl, {maxZoom: 19, attribution: box.dataset.attribution || ""}).addTo(map);
    L.Icon.Default.imagePath = box.dataset.images;
    var marker = placed ? L.marker(start).addTo(map) : null;
    map.on("click", function (event) {
      var point = event.latlng;
      latField.value = point.lat.toFixed(6);
      lonField.value = point.lng.toFixed(6);
      if (marker) { marker.setLatLng(point); } else { marker = L.marker(point).addTo(map); }
    });
  }
  document.querySelectorAll("[data-location-map]").forEach(setUp);
})();
