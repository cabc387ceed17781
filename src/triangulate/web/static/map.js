// The map of places: Natural Earth countries (TopoJSON from world-atlas, shipped in /static,
// decoded here) in an equirectangular projection, and a circle per place from /api/v1/places
// sized by mentions. Wheel zooms, drag pans, a circle opens its entity. Plain SVG, no library.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  // Projected coordinates are degrees: x = lon + 180, y = 90 - lat.
  var WORLD = { x: 0, y: 90 - 84, w: 360, h: 84 + 58 };
  var MIN_SPAN = 24, FOCUS_SHARE = 0.8;
  var LABEL_PIXELS = 12;  // the size of a place's name on screen

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  // TopoJSON arcs are quantized and delta-encoded: undo both to get [lon, lat] points.
  function decodeArcs(topology) {
    var t = topology.transform;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        x += p[0]; y += p[1];
        return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [p[0], p[1]];
      });
    });
  }

  // A ring is a list of arc indexes; ~i means arc i reversed. Consecutive arcs share an end.
  function ringPoints(arcs, indexes) {
    var points = [];
    indexes.forEach(function (index) {
      var arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      arc.forEach(function (p, k) { if (k > 0 || !points.length) { points.push(p); } });
    });
    return points;
  }

  // Rings that cross the antimeridian are unwrapped into one piece past ±180 and drawn a second
  // time shifted by 360 degrees, so each half lands on its own side of the map.
  function ringPath(points) {
    var shift = 0, last = null, min = Infinity, max = -Infinity, unwrapped = [];
    points.forEach(function (p) {
      if (last !== null && Math.abs(p[0] + shift - last) > 180) {
        shift += p[0] + shift > last ? -360 : 360;
      }
      last = p[0] + shift;
      min = Math.min(min, last); max = Math.max(max, last);
      unwrapped.push([last, p[1]]);
    });
    var offsets = [0];
    if (max > 180) { offsets.push(-360); }
    if (min < -180) { offsets.push(360); }
    return offsets.map(function (offset) {
      return "M" + unwrapped.map(function (p) {
        return (p[0] + offset + 180).toFixed(2) + "," + (90 - p[1]).toFixed(2);
      }).join("L") + "Z";
    }).join("");
  }

  function countryPaths(topology) {
    var arcs = decodeArcs(topology), object = topology.objects.countries;
    return object.geometries.map(function (geometry) {
      var polygons = geometry.type === "Polygon" ? [geometry.arcs] :
        geometry.type === "MultiPolygon" ? geometry.arcs : [];
      var d = polygons.map(function (rings) {
        return rings.map(function (ring) { return ringPath(ringPoints(arcs, ring)); }).join("");
      }).join("");
      return { d: d, name: (geometry.properties || {}).name || "", id: geometry.id };
    }).filter(function (country) { return country.d; });
  }

  // The box around the places that hold most mentions (a stray far place does not shrink the view).
  function focusBox(places) {
    if (!places.length) { return WORLD; }
    var total = places.reduce(function (s, p) { return s + p.mentions; }, 0), seen = 0;
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    places.some(function (p) {
      x0 = Math.min(x0, p.lon + 180); x1 = Math.max(x1, p.lon + 180);
      y0 = Math.min(y0, 90 - p.lat); y1 = Math.max(y1, 90 - p.lat);
      seen += p.mentions;
      return seen >= total * FOCUS_SHARE;
    });
    var w = Math.max(x1 - x0, MIN_SPAN) * 1.3, h = Math.max(y1 - y0, MIN_SPAN / 2) * 1.5;
    return { x: (x0 + x1 - w) / 2, y: (y0 + y1 - h) / 2, w: w, h: h };
  }

  // Places at about one spot (a city, its country) would print their names over each other:
  // the most mentioned keeps its label, the others show theirs when zoomed apart (or on hover).
  function hideCrowdedLabels(circles) {
    var kept = [];
    circles.slice().sort(function (a, b) { return b.pixels - a.pixels; }).forEach(function (c) {
      c.label.removeAttribute("visibility");
      var box = c.label.getBBox();
      var crowded = kept.some(function (k) {
        return box.x < k.x + k.width && k.x < box.x + box.width &&
          box.y < k.y + k.height && k.y < box.y + box.height;
      });
      if (crowded) { c.label.setAttribute("visibility", "hidden"); } else { kept.push(box); }
    });
  }

  function draw(container, topology, places) {
    var svg = el("svg", {
      role: "img", "aria-label": "map of " + places.length + " places",
      preserveAspectRatio: "xMidYMid meet"
    }, container);
    el("rect", { "class": "sea", x: -360, y: -180, width: 1080, height: 540 }, svg);
    var land = el("g", { "class": "countries" }, svg);
    countryPaths(topology).forEach(function (country) {
      var path = el("path", { d: country.d, "class": "country", "data-id": country.id }, land);
      el("title", {}, path).textContent = country.name;
    });
    var most = places.reduce(function (m, p) { return Math.max(m, p.mentions); }, 1);
    var markers = el("g", { "class": "markers" }, svg);
    var tooltip = document.getElementById("map-tooltip");
    var circles = places.map(function (place) {
      var link = el("a", { href: place.url, "class": "marker", "data-id": place.id }, markers);
      var circle = el("circle", { cx: place.lon + 180, cy: 90 - place.lat }, link);
      circle.pixels = 4 + 16 * Math.sqrt(place.mentions / most);
      el("title", {}, link).textContent = place.name + " · " + place.mentions + " mention" +
        (place.mentions === 1 ? "" : "s");
      // every dot keeps its name beside it; render() keeps the text one size at any zoom
      circle.label = el("text", { "class": "place-label", y: 90 - place.lat }, link);
      circle.label.textContent = place.name;
      link.addEventListener("mouseenter", function () { show(tooltip, container, circle, place); });
      link.addEventListener("focus", function () { show(tooltip, container, circle, place); });
      link.addEventListener("mouseleave", function () { if (tooltip) { tooltip.hidden = true; } });
      link.addEventListener("blur", function () { if (tooltip) { tooltip.hidden = true; } });
      return circle;
    });

    var view = focusBox(places);
    function render() {
      var width = container.clientWidth || 900, height = container.clientHeight || 500;
      var ratio = width / height;  // widen the box to the container's shape so nothing stretches
      var w = Math.max(view.w, view.h * ratio), h = w / ratio;
      var x = view.x + (view.w - w) / 2, y = view.y + (view.h - h) / 2;
      svg.setAttribute("viewBox", [x, y, w, h].map(function (v) { return v.toFixed(3); }).join(" "));
      var perPixel = w / width;
      circles.forEach(function (c) {
        c.setAttribute("r", (c.pixels * perPixel).toFixed(4));
        var x = Number(c.getAttribute("cx")) + (c.pixels + 3) * perPixel;
        c.label.setAttribute("x", x.toFixed(4));
        c.label.setAttribute("font-size", (LABEL_PIXELS * perPixel).toFixed(4));
        c.label.setAttribute("stroke-width", (3 * perPixel).toFixed(4));
      });
      hideCrowdedLabels(circles);
      if (tooltip) { tooltip.hidden = true; }
    }

    function zoom(factor, cx, cy) {
      var w = Math.min(Math.max(view.w * factor, 2), 720), h = view.h * w / view.w;
      view = { x: cx - (cx - view.x) * w / view.w, y: cy - (cy - view.y) * h / view.h, w: w, h: h };
      render();
    }
    function toMap(event) {
      var box = svg.viewBox.baseVal, rect = svg.getBoundingClientRect();
      return [box.x + (event.clientX - rect.left) / rect.width * box.width,
              box.y + (event.clientY - rect.top) / rect.height * box.height];
    }
    container.addEventListener("wheel", function (event) {
      event.preventDefault();
      var at = toMap(event);
      zoom(event.deltaY > 0 ? 1.25 : 0.8, at[0], at[1]);
    }, { passive: false });
    var dragging = null;
    container.addEventListener("mousedown", function (event) {
      dragging = { x: event.clientX, y: event.clientY, view: view, moved: false };
    });
    window.addEventListener("mousemove", function (event) {
      if (!dragging) { return; }
      var perPixel = svg.viewBox.baseVal.width / (container.clientWidth || 1);
      var mx = event.clientX - dragging.x, my = event.clientY - dragging.y;
      if (Math.abs(mx) + Math.abs(my) > 3) { dragging.moved = true; }
      if (!dragging.moved) { return; }
      view = { x: dragging.view.x - mx * perPixel, y: dragging.view.y - my * perPixel,
               w: dragging.view.w, h: dragging.view.h };
      render();
    });
    window.addEventListener("mouseup", function () { setTimeout(function () { dragging = null; }, 0); });
    svg.addEventListener("click", function (event) {
      if (dragging && dragging.moved) { event.preventDefault(); }
    }, true);
    var fit = document.getElementById("map-fit");
    if (fit) { fit.addEventListener("click", function () { view = focusBox(places); render(); }); }
    var world = document.getElementById("map-world");
    if (world) { world.addEventListener("click", function () { view = WORLD; render(); }); }
    window.addEventListener("resize", render);
    render();
  }

  function show(tooltip, container, circle, place) {
    if (!tooltip) { return; }
    var box = circle.getBoundingClientRect(), frame = container.parentNode.getBoundingClientRect();
    tooltip.textContent = "";
    var name = document.createElement("strong");
    name.textContent = place.name;
    tooltip.appendChild(name);
    tooltip.appendChild(document.createTextNode(" · " + place.mentions + " mention" +
      (place.mentions === 1 ? "" : "s") + (place.country ? " · " + place.country : "")));
    tooltip.style.left = (box.left - frame.left + box.width / 2) + "px";
    tooltip.style.top = (box.top - frame.top) + "px";
    tooltip.hidden = false;
  }

  function start() {
    var container = document.getElementById("place-map");
    if (!container || !window.fetch) { return; }
    function json(url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.json();
      });
    }
    Promise.all([json(container.getAttribute("data-world")), json(container.getAttribute("data-src"))])
      .then(function (loaded) { draw(container, loaded[0], loaded[1].items || []); })
      .catch(function () { container.textContent = "The map could not be loaded."; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
