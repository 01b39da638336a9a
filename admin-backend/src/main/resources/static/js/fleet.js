// The live page's fleet map: the newest position of every online vehicle (Leaflet, canvas markers),
// from /api/live/positions with the page's session; level-3 alarms in red.
(function () {
  var root = document.getElementById('fleet-map');
  if (!root || !window.L) {
    return;
  }
  var map = L.map('fleet-map', {preferCanvas: true}).setView([31.23, 121.47], 4);
  L.tileLayer(root.dataset.tiles, {maxZoom: 19, attribution: root.dataset.attribution}).addTo(map);
  fetch(root.dataset.positions, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
    .then(function (r) { return r.json(); })
    .then(function (fleet) {
      var info = document.getElementById('fleet-info');
      if (info) {
        info.textContent = fleet.positions.length + ' vehicles with a position'
          + (fleet.truncated ? ' (more are online; the first ones shown)' : '');
      }
      var points = [];
      fleet.positions.forEach(function (p) {
        var at = [Number(p.lat), Number(p.lon)];
        points.push(at);
        var alarm = p.alarmLevel === 3;
        var link = document.createElement('a');
        link.href = root.dataset.vehicle.replace('VIN', encodeURIComponent(p.vin));
        link.textContent = p.vin;
        var popup = document.createElement('div');
        popup.appendChild(link);
        popup.appendChild(document.createTextNode(
          (p.speedKmh !== null ? ' ' + p.speedKmh + ' km/h' : '') + (p.soc !== null ? ', SOC ' + p.soc + ' %' : '')
          + (alarm ? ', level-3 alarm' : '')));
        L.circleMarker(at, {radius: alarm ? 7 : 5, color: alarm ? '#b42318' : '#1f6feb', weight: 1,
                            fillOpacity: 0.7}).bindPopup(popup).addTo(map);
      });
      if (points.length > 0) {
        map.fitBounds(L.latLngBounds(points), {padding: [20, 20], maxZoom: 13});
      }
    });
})();
