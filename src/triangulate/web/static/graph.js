// The entities' co-occurrence graph from /api/v1/graph: circles sized by mentions and coloured
// by type, lines as thick as the number of sentences naming both. A small force layout, run to
// rest before drawing (the same data always gives the same picture). Plain SVG, no library.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 960, HEIGHT = 520, ITERATIONS = 320, LABELS = 30, GRAVITY = 0.03;
  var HUB_LABELS = 10;  // the nodes with most links, always named

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function radius(node, most) {
    return 5 + 19 * Math.sqrt(node.mentions / most);
  }

  // Fruchterman-Reingold: every pair repels, edges pull, a weak pull to the centre keeps loose
  // nodes in view; the step shrinks each round. Starts on a sunflower spiral, biggest inside.
  function layout(nodes, edges) {
    var n = nodes.length, k = Math.sqrt(WIDTH * HEIGHT / Math.max(n, 1)) * 0.85;
    var golden = Math.PI * (3 - Math.sqrt(5));
    nodes.forEach(function (node, i) {
      var r = k * 0.6 * Math.sqrt(i + 0.5);
      node.x = WIDTH / 2 + r * Math.cos(i * golden);
      node.y = HEIGHT / 2 + r * Math.sin(i * golden);
    });
    var heaviest = edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
    var step = WIDTH / 10;
    for (var round = 0; round < ITERATIONS; round++) {
      var dx = new Float64Array(n), dy = new Float64Array(n), i, j;
      for (i = 0; i < n; i++) {
        for (j = i + 1; j < n; j++) {
          var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          var d2 = Math.max(x * x + y * y, 1), d = Math.sqrt(d2);
          var gap = Math.max(d - nodes[i].r - nodes[j].r, 1);
          var push = k * k / gap / d;
          dx[i] += x * push; dy[i] += y * push; dx[j] -= x * push; dy[j] -= y * push;
        }
      }
      edges.forEach(function (e) {
        var a = e.a, b = e.b, x = a.x - b.x, y = a.y - b.y;
        var d = Math.max(Math.sqrt(x * x + y * y), 1);
        var pull = d / k * (0.5 + Math.log(1 + e.weight) / Math.log(1 + heaviest));
        var pa = pull / Math.sqrt(a.links.length), pb = pull / Math.sqrt(b.links.length);
        dx[a.i] -= x * pa; dy[a.i] -= y * pa; dx[b.i] += x * pb; dy[b.i] += y * pb;
      });
      for (i = 0; i < n; i++) {
        var node = nodes[i];
        dx[i] += (WIDTH / 2 - node.x) * GRAVITY * k;
        dy[i] += (HEIGHT / 2 - node.y) * GRAVITY * k * WIDTH / HEIGHT;
        var len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
        var move = Math.min(len, step);
        node.x = Math.min(WIDTH - node.r - 2, Math.max(node.r + 2, node.x + dx[i] / len * move));
        node.y = Math.min(HEIGHT - node.r - 2, Math.max(node.r + 2, node.y + dy[i] / len * move));
      }
      step = Math.max(step * 0.985, 0.5);
    }
  }

  function draw(container, graph) {
    var nodes = graph.nodes || [];
    if (!nodes.length) {
      container.textContent = "No entities to draw.";
      return;
    }
    var byId = {}, most = nodes[0].mentions || 1;
    nodes.forEach(function (node, i) {
      node.i = i;
      node.r = radius(node, Math.max(most, 1));
      node.links = [];
      byId[node.id] = node;
    });
    var edges = (graph.edges || []).filter(function (e) {
      return byId[e.source] && byId[e.target];
    }).map(function (e) {
      var link = { a: byId[e.source], b: byId[e.target], weight: e.weight };
      link.a.links.push(link.b.id);
      link.b.links.push(link.a.id);
      return link;
    });
    layout(nodes, edges);
    var heaviest = edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
    var svg = el("svg", {
      viewBox: "0 0 " + WIDTH + " " + HEIGHT, role: "img",
      "aria-label": nodes.length + " entities and " + edges.length + " links"
    }, container);
    var lines = el("g", { "class": "edges" }, svg);
    edges.forEach(function (e) {
      var line = el("line", {
        x1: e.a.x, y1: e.a.y, x2: e.b.x, y2: e.b.y, "class": "edge",
        "stroke-width": 1 + 5 * Math.sqrt(e.weight / heaviest),
        "data-source": e.a.id, "data-target": e.b.id
      }, lines);
      el("title", {}, line).textContent = e.a.name + " – " + e.b.name + ": " + e.weight +
        " sentence" + (e.weight === 1 ? "" : "s");
    });
    var labelled = labels(nodes);
    var group = el("g", { "class": "nodes" }, svg);
    nodes.slice().reverse().forEach(function (node) {
      var link = el("a", { href: node.url, "class": "node type-" + node.type, "data-id": node.id }, group);
      el("circle", { cx: node.x, cy: node.y, r: node.r }, link);
      el("title", {}, link).textContent = node.name + " (" + node.type + ") · " + node.mentions +
        " mention" + (node.mentions === 1 ? "" : "s") + " in " + node.documents + " document" +
        (node.documents === 1 ? "" : "s");
      if (labelled[node.id]) {
        var label = el("text", {
          x: node.x, y: node.y + node.r + 12,
          "class": labelled[node.id] === "hub" ? "label hub-label" : "label"
        }, link);
        label.textContent = node.name;
      }
      link.addEventListener("mouseenter", function () { focus(svg, node); });
      link.addEventListener("mouseleave", function () { focus(svg, null); });
      link.addEventListener("focus", function () { focus(svg, node); });
      link.addEventListener("blur", function () { focus(svg, null); });
    });
    legend(nodes);
  }

  // The biggest hubs (most links, then most mentions) are always named. Then names go under
  // the most mentioned nodes, skipping any that would overlap one already placed or a bigger
  // circle (the full name is always in the node's tooltip).
  function labels(nodes) {
    var placed = [], chosen = {};
    function boxOf(node) {
      var w = node.name.length * 6.4, top = node.y + node.r + 1;
      return { x0: node.x - w / 2, x1: node.x + w / 2, y0: top, y1: top + 14 };
    }
    nodes.slice().sort(function (a, b) {
      return b.links.length - a.links.length || b.mentions - a.mentions || a.i - b.i;
    }).slice(0, HUB_LABELS).forEach(function (node) {
      placed.push(boxOf(node));
      chosen[node.id] = "hub";
    });
    nodes.forEach(function (node) {
      if (placed.length >= LABELS || chosen[node.id]) { return; }
      var box = boxOf(node);
      var clash = placed.some(function (b) {
        return box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1;
      }) || nodes.some(function (other) {
        return other !== node && other.r > 8 && other.x + other.r > box.x0 &&
          other.x - other.r < box.x1 && other.y + other.r > box.y0 && other.y - other.r < box.y1;
      });
      if (!clash) {
        placed.push(box);
        chosen[node.id] = "label";
      }
    });
    return chosen;
  }

  // Hovering a node keeps it, its neighbours and their lines bright and fades the rest.
  function focus(svg, node) {
    svg.classList.toggle("focused", !!node);
    var keep = node ? [node.id].concat(node.links) : [];
    svg.querySelectorAll(".node").forEach(function (n) {
      n.classList.toggle("near", keep.indexOf(n.getAttribute("data-id")) >= 0);
    });
    svg.querySelectorAll(".edge").forEach(function (e) {
      e.classList.toggle("near", !!node && (e.getAttribute("data-source") === node.id ||
        e.getAttribute("data-target") === node.id));
    });
  }

  function legend(nodes) {
    var box = document.getElementById("graph-legend");
    if (!box) { return; }
    var types = [];
    nodes.forEach(function (node) {
      if (types.indexOf(node.type) < 0) { types.push(node.type); }
    });
    types.sort().forEach(function (type) {
      var swatch = document.createElement("span");
      swatch.className = "swatch type-" + type;
      swatch.textContent = type;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(swatch);
    });
  }

  function start() {
    var container = document.getElementById("entity-graph");
    if (!container || !window.fetch) { return; }
    fetch(container.getAttribute("data-src"), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { nodes: [] }; })
      .then(function (graph) { draw(container, graph); })
      .catch(function () { container.textContent = "The graph could not be loaded."; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
