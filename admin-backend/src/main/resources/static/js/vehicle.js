// The vehicle page: the track on a Leaflet map and charts of speed, SOC, voltage and current
// (Chart.js), from /api/vehicles/{vin}/track with the page's session.
(function () {
  var root = document.getElementById('vehicle-live');
  if (!root || !window.L || !window.Chart) {
    return;
  }
  var map = L.map('map');
  L.tileLayer(root.dataset.tiles, {maxZoom: 19, attribution: root.dataset.attribution}).addTo(map);
  var lat = parseFloat(root.dataset.lat), lon = parseFloat(root.dataset.lon);
  if (!isNaN(lat) && !isNaN(lon)) {
    map.setView([lat, lon], 13);
    L.marker([lat, lon]).addTo(map);
  } else {
    map.setView([31.23, 121.47], 4);
  }

  function chart(id, label, points, field, color) {
    var data = points.filter(function (p) { return p[field] !== null; })
      .map(function (p) { return {x: new Date(p.t).toLocaleTimeString(), y: Number(p[field])}; });
    new Chart(document.getElementById(id), {
      type: 'line',
      data: {labels: data.map(function (d) { return d.x; }),
             datasets: [{label: label, data: data.map(function (d) { return d.y; }), borderColor: color,
                         pointRadius: 0, borderWidth: 1.5}]},
      options: {animation: false, plugins: {legend: {display: true}}, scales: {x: {ticks: {maxTicksLimit: 8}}}}
    });
  }

  fetch(root.dataset.track, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
    .then(function (r) { return r.json(); })
    .then(function (track) {
      var info = document.getElementById('track-info');
      if (info) {
        info.textContent = track.frames + ' frames' + (track.stride > 1 ? ', every ' + track.stride + 'th shown' : '');
      }
      var line = track.points.filter(function (p) { return p.lat !== null && p.lon !== null; })
        .map(function (p) { return [Number(p.lat), Number(p.lon)]; });
      if (line.length > 1) {
        var poly = L.polyline(line, {color: '#1f6feb'}).addTo(map);
        map.fitBounds(poly.getBounds(), {padding: [20, 20]});
      }
      chart('chart-speed', 'speed (km/h)', track.points, 'speedKmh', '#1f6feb');
      chart('chart-soc', 'SOC (%)', track.points, 'soc', '#067647');
      chart('chart-voltage', 'voltage (V)', track.points, 'voltageV', '#b54708');
      chart('chart-current', 'current (A)', track.points, 'currentA', '#b42318');
    });
})();
