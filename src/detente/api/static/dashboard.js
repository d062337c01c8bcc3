// Dyad chart: Goldstein sum (line) and quad-class counts (stacked bars) per period.
// Data comes from the JSON block the server rendered; clicking a period opens its events.
(function () {
  var holder = document.getElementById("dyad-chart");
  var source = document.getElementById("chart-data");
  if (!holder || !source || typeof Plotly === "undefined") { return; }
  var chart = JSON.parse(source.textContent);
  var colours = { "verbal coop": "#8cc99a", "material coop": "#3a8a4a", "verbal conflict": "#f0a0a0", "material conflict": "#b33" };
  var traces = [{ x: chart.x, y: chart.goldstein, name: "Goldstein sum", type: "scatter", mode: "lines+markers",
                  yaxis: "y2", line: { color: "#1f5fa8" } }];
  Object.keys(chart.quads).forEach(function (label) {
    traces.push({ x: chart.x, y: chart.quads[label], name: label, type: "bar", marker: { color: colours[label] } });
  });
  Plotly.newPlot(holder, traces, {
    barmode: "stack", margin: { t: 20, r: 60, b: 40, l: 50 }, legend: { orientation: "h" },
    yaxis: { title: { text: "events" } },
    yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", zeroline: true }
  }, { responsive: true, displaylogo: false });
  holder.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (point && chart.links[point.pointIndex]) { window.location.href = chart.links[point.pointIndex]; }
  });
})();
