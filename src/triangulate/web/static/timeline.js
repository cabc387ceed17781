// A zoomable timeline strip drawn from /api/v1/timeline: wheel zooms, drag pans, a dot jumps
// to its entry in the list below. Plain SVG, no library.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;

  function parseDate(value) {
    var parts = String(value).split("-").map(Number);
    if (!parts[0]) { return null; }
    return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1);
  }

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // Calendar-aligned ticks (years, months or days), about eight across the view.
  function ticks(from, to) {
    var days = (to - from) / DAY, out = [], d, step, label;
    var start = new Date(from);
    if (days > 3 * 365) {
      step = Math.max(1, Math.ceil(days / 365 / 8));
      for (var y = Math.ceil(start.getUTCFullYear() / step) * step; ; y += step) {
        d = Date.UTC(y, 0, 1);
        if (d > to) { break; }
        if (d >= from) { out.push([d, String(y)]); }
      }
      return out;
    }
    if (days > 90) {
      step = [1, 2, 3, 6].filter(function (m) { return days / 30 / m <= 8; })[0] || 6;
      var m0 = start.getUTCFullYear() * 12 + start.getUTCMonth();
      for (var m = Math.ceil(m0 / step) * step; ; m += step) {
        d = Date.UTC(Math.floor(m / 12), m % 12, 1);
        if (d > to) { break; }
        if (d >= from) { out.push([d, new Date(d).toISOString().slice(0, 7)]); }
      }
      return out;
    }
    step = [1, 2, 7, 14, 30].filter(function (n) { return days / n <= 8; })[0] || 30;
    for (d = Math.ceil(from / DAY / step) * step * DAY; d <= to; d += step * DAY) {
      label = new Date(d).toISOString().slice(0, 10);
      out.push([d, label]);
    }
    return out;
  }

  function draw(container, entries) {
    var points = entries.map(function (e) {
      return { ms: parseDate(e.date), entry: e };
    }).filter(function (p) { return p.ms !== null; });
    if (!points.length) { return; }
    var first = points[0].ms, last = points[points.length - 1].ms;
    var pad = Math.max((last - first) * 0.05, 2 * DAY);
    var full = { from: first - pad, to: last + pad };
    // Open on where most entries are: from the first quartile to the last entry.
    var focusFrom = points[Math.floor(points.length / 4)].ms;
    var focusPad = Math.max((last - focusFrom) * 0.05, 2 * DAY);
    var initial = { from: focusFrom - focusPad, to: last + focusPad };
    var view = { from: initial.from, to: initial.to };
    var svg = el("svg", { role: "img", "aria-label": "timeline of " + points.length + " entries" }, container);

    function render() {
      while (svg.firstChild) { svg.removeChild(svg.firstChild); }
      var width = container.clientWidth || 800, height = container.clientHeight || 120;
      var axisY = height - 24;
      var scale = function (ms) { return 12 + (ms - view.from) / (view.to - view.from) * (width - 24); };
      el("line", { "class": "axis", x1: 0, x2: width, y1: axisY, y2: axisY }, svg);
      ticks(view.from, view.to).forEach(function (tick) {
        var g = el("g", { "class": "tick" }, svg);
        el("line", { x1: scale(tick[0]), x2: scale(tick[0]), y1: 4, y2: axisY }, g);
        var text = el("text", { x: scale(tick[0]) + 3, y: height - 8 }, g);
        text.textContent = tick[1];
      });
      var stacks = {}, tallest = 1;
      var visible = points.filter(function (p) {
        var x = scale(p.ms);
        return x >= 0 && x <= width;
      });
      visible.forEach(function (p) {
        var key = Math.round(scale(p.ms) / 6);
        stacks[key] = (stacks[key] || 0) + 1;
        tallest = Math.max(tallest, stacks[key]);
      });
      var gap = Math.min(13, (axisY - 14) / tallest);
      stacks = {};
      visible.forEach(function (p) {
        var x = scale(p.ms);
        var key = Math.round(x / 6);
        stacks[key] = (stacks[key] || 0) + 1;
        var circle = el("circle", {
          cx: x, cy: axisY - 8 - (stacks[key] - 1) * gap, r: Math.min(6, Math.max(3, gap / 2)),
          "class": p.entry.status, "data-event": p.entry.event, tabindex: 0
        }, svg);
        var title = el("title", {}, circle);
        title.textContent = p.entry.date + " · " + p.entry.summary + " (" + p.entry.status.replace("_", " ") + ")";
      });
    }

    function zoom(factor, centre) {
      var span = (view.to - view.from) * factor;
      span = Math.min(Math.max(span, 2 * DAY), (full.to - full.from) * 1.5);
      var ratio = (centre - view.from) / (view.to - view.from);
      view.from = centre - ratio * span;
      view.to = view.from + span;
      render();
    }

    container.addEventListener("wheel", function (event) {
      event.preventDefault();
      var rect = container.getBoundingClientRect();
      var centre = view.from + (event.clientX - rect.left) / rect.width * (view.to - view.from);
      zoom(event.deltaY > 0 ? 1.25 : 0.8, centre);
    }, { passive: false });

    var dragging = null;
    container.addEventListener("mousedown", function (event) {
      dragging = { x: event.clientX, from: view.from, to: view.to, moved: false };
    });
    window.addEventListener("mousemove", function (event) {
      if (!dragging) { return; }
      var shift = (event.clientX - dragging.x) / container.clientWidth * (dragging.to - dragging.from);
      if (Math.abs(event.clientX - dragging.x) > 3) { dragging.moved = true; }
      view.from = dragging.from - shift;
      view.to = dragging.to - shift;
      render();
    });
    window.addEventListener("mouseup", function () { setTimeout(function () { dragging = null; }, 0); });

    function jump(target) {
      var id = target && target.getAttribute && target.getAttribute("data-event");
      if (id) { location.hash = "t-" + id; }
    }
    svg.addEventListener("click", function (event) {
      if (dragging && dragging.moved) { return; }
      jump(event.target);
    });
    svg.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { jump(event.target); }
    });
    var reset = document.getElementById("timeline-reset");
    if (reset) {
      reset.addEventListener("click", function () { view.from = initial.from; view.to = initial.to; render(); });
    }
    var all = document.getElementById("timeline-all");
    if (all) {
      all.addEventListener("click", function () { view.from = full.from; view.to = full.to; render(); });
    }
    window.addEventListener("resize", render);
    render();
  }

  function start() {
    var container = document.getElementById("timeline-chart");
    if (!container || !window.fetch) { return; }
    fetch(container.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (page) { draw(container, page.items || []); })
      .catch(function () { container.textContent = ""; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
