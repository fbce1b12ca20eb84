/* The map's drawing, shared by the standalone page and the Streamlit component.
 * Defines globalThis.snxDraw(container, data, onSelect) -> vis.Network, snxFocus(network, id, fit) and
 * snxHighlight(network, steps, fit) (a path on the map, the rest faded) and snxPatch(network, patch) (an edit
 * put into the drawing in place: the actors and ties drawn again, the ties gone, legend and captions anew).
 * User text reaches the DOM only through textContent, and the canvas only through fillText.
 * Names are drawn here, not by vis-network: most important actors first (data.nodes[i].rank), the selected
 * actor and its partners before all others, each where it overlaps no name and no node already drawn. */
(function () {
  var FONT = 13;            // label size in screen pixels, whatever the zoom
  var MAX_LABELS = 160;     // names drawn at most at once
  var MAX_TRIED = 1500;     // actors in view whose name is tried, most important first (the rest lack room)
  var MAX_TRIED_MOVING = 300;  // the same while a large map pans or zooms
  var MAX_LABELS_MOVING = 60;  // names drawn at most while a large map pans or zooms
  function textBox(text) {
    var div = document.createElement("div");
    div.className = "snx-tip";
    div.textContent = String(text == null ? "" : text);
    return div;
  }
  function swatch(entry) {
    var mark = document.createElement("span");
    if (entry.line) {
      mark.className = "snx-line";
      var color = /^#[0-9a-fA-F]{6}$/.test(entry.color) ? entry.color : "#666666";
      mark.style.borderTop = (entry.width || 2) + "px " + (entry.dash === "dotted" ? "dotted" :
        entry.dash === "dashed" ? "dashed" : "solid") + " " + color;
      if (entry.arrow) mark.setAttribute("data-arrow", "1");
    } else {
      mark.className = "snx-dot";
      if (/^#[0-9a-fA-F]{6}$/.test(entry.color)) mark.style.background = entry.color;
    }
    return mark;
  }
  function legendBox(data) {
    var box = document.createElement("div");
    box.className = "snx-legend";
    [[data.legend_title, data.legend], [data.ties_title, data.legend_ties]].forEach(function (part) {
      if (!part[1] || !part[1].length) return;
      var group = document.createElement("div");
      group.className = "snx-legend-group";
      if (part[0]) {
        var head = document.createElement("b");
        head.textContent = String(part[0]);
        group.appendChild(head);
      }
      part[1].forEach(function (entry) {
        var row = document.createElement("span");
        row.className = "snx-legend-item";
        var label = document.createElement("span");
        label.textContent = String(entry.label);
        row.appendChild(swatch(entry));
        row.appendChild(label);
        group.appendChild(row);
      });
      box.appendChild(group);
    });
    return box;
  }
  function prepare(items, labels) {
    return items.map(function (item) {
      var out = Object.assign({}, item);
      if (item.tip) out.title = textBox(item.tip);
      delete out.tip;
      if (labels) { out.label = undefined; delete out.label; }
      return out;
    });
  }
  // Boxes [x0, y0, x1, y1] in screen pixels, bucketed in a grid so that a test looks at its neighbours only.
  function BoxGrid(cell) { this.cell = cell; this.cells = new Map(); }
  BoxGrid.prototype.add = function (box, owner) {
    var c = this.cell, item = [box, owner];
    for (var gx = Math.floor(box[0] / c); gx <= Math.floor(box[2] / c); gx++) {
      for (var gy = Math.floor(box[1] / c); gy <= Math.floor(box[3] / c); gy++) {
        var key = gx * 8192 + gy;
        var list = this.cells.get(key);
        if (list) list.push(item); else this.cells.set(key, [item]);
      }
    }
  };
  BoxGrid.prototype.hits = function (a, except) {
    var c = this.cell;
    for (var gx = Math.floor(a[0] / c); gx <= Math.floor(a[2] / c); gx++) {
      for (var gy = Math.floor(a[1] / c); gy <= Math.floor(a[3] / c); gy++) {
        var list = this.cells.get(gx * 8192 + gy);
        if (!list) continue;
        for (var i = 0; i < list.length; i++) {
          var b = list[i][0];
          if (list[i][1] !== except && a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) return true;
        }
      }
    }
    return false;
  };
  function textWidth(s, ctx, id, text, scale) {  // screen pixels at FONT, measured once per actor
    var known = s.widths[id];
    if (known === undefined) known = s.widths[id] = ctx.measureText(text).width * scale;
    return known;
  }
  function drawLabels(network, ctx) {
    var s = network.snx;
    if (!s.showLabels) return;
    var scale = network.getScale();
    var w = s.host.clientWidth, h = s.host.clientHeight;
    var view = network.getViewPosition();
    var toDom = function (p) { return {x: (p.x - view.x) * scale + w / 2, y: (p.y - view.y) * scale + h / 2}; };
    ctx.save();
    ctx.font = (FONT / scale) + "px sans-serif";
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    var placed = new BoxGrid(64), discs = new BoxGrid(32);
    (s.captions || []).forEach(function (c) {  // captions first: no name is drawn over them
      ctx.font = "italic " + (FONT / scale) + "px sans-serif";
      var d = toDom(c), cw = ctx.measureText(String(c.text)).width * scale;
      placed.add([d.x, d.y - FONT, d.x + cw, d.y + FONT * 0.6], null);
    });
    ctx.font = (FONT / scale) + "px sans-serif";
    var order = s.order, first = [];
    if (s.focused) first = [s.focused].concat(network.getConnectedNodes(s.focused));
    if (s.path) first = s.path.order.concat(first);
    if (first.length) {
      var head = {};
      first.forEach(function (id) { head[id] = true; });
      order = first.filter(function (id, i) { return first.indexOf(id) === i; })
        .concat(order.filter(function (id) { return !head[id]; }));
    }
    var nodes = network.body.nodes;
    var visible = [], moving = s.lod && (network.renderer.dragging || network.renderer.zooming);
    for (var i = 0; i < order.length; i++) {
      var node = nodes[order[i]];
      if (!node) continue;
      var d = toDom(node);
      var r = (node.shape && node.shape.radius ? node.shape.radius : (node.options.size || 10)) * scale;
      if (d.x < -50 || d.y < -20 || d.x > w + 50 || d.y > h + 20) continue;
      visible.push([order[i], node, d, r]);
      if (!moving || visible.length <= MAX_TRIED) discs.add([d.x - r, d.y - r, d.x + r, d.y + r], order[i]);
    }
    var drawn = 0, boxes = [];
    var tried = (moving ? MAX_TRIED_MOVING : MAX_TRIED) + first.length;
    var most = moving ? MAX_LABELS_MOVING : MAX_LABELS;
    for (var k = 0; k < visible.length && k < tried && drawn < most; k++) {
      var id = visible[k][0], d2 = visible[k][2], r2 = visible[k][3];
      var text = s.labels[id];
      if (!text) continue;
      var onPath = s.path && s.path.nodes[id];
      var tw = textWidth(s, ctx, id, text, scale), th = FONT * 1.2, gap = r2 + 3;
      var spots = [[d2.x + gap, d2.y - th / 2, "left"], [d2.x - gap - tw, d2.y - th / 2, "right"],
                   [d2.x - tw / 2, d2.y + gap, "center"], [d2.x - tw / 2, d2.y - gap - th, "center"]];
      // the selected actor, the actors of a shown path and the three that matter most are named even among
      // crowded nodes; the selected actor's and a path actor's name goes right of it whatever it covers
      // (on large maps: the dozen that matter most among those in view)
      var must = id === s.focused || onPath || (s.lod ? k < 12 + first.length
                                                       : s.rank[id] !== undefined && s.rank[id] < 3);
      var insist = id === s.focused || onPath;
      for (var j = 0; j < spots.length + (insist ? 1 : 0); j++) {
        var spot = spots[Math.min(j, spots.length - 1)];
        var last = j === spots.length;
        var box = [spot[0], spot[1], spot[0] + tw, spot[1] + th];
        if (!last && (box[0] < 0 || box[2] > w || box[1] < 0 || box[3] > h)) continue;
        if (!last && (placed.hits(box, undefined) || (!must && discs.hits(box, id)))) continue;
        if (id === s.focused) {
          ctx.fillStyle = "rgba(255,255,255,0.9)";
          ctx.fillRect(view.x + (box[0] - 3 - w / 2) / scale, view.y + (box[1] - h / 2) / scale,
                       (tw + 6) / scale, th / scale);
        }
        placed.add(box, id);
        boxes.push(box);
        var x = view.x + (box[0] - w / 2) / scale, y = view.y + (box[1] + th / 2 - h / 2) / scale;
        ctx.font = (id === s.focused || onPath ? "bold " : "") + (FONT / scale) + "px sans-serif";
        ctx.lineWidth = 4 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(text, x, y);
        ctx.fillStyle = s.path && !onPath ? "#9a9a9a" : "#222222";
        ctx.fillText(text, x, y);
        drawn += 1;
        break;
      }
    }
    (s.captions || []).forEach(function (c) {
      ctx.font = "italic " + (FONT / scale) + "px sans-serif";
      ctx.fillStyle = "#555555";
      ctx.fillText(String(c.text), c.x, c.y);
    });
    ctx.restore();
    s.labelled = drawn;
    s.labelBoxes = boxes;  // screen boxes of the names drawn (read by the browser tests)
  }
  // Large maps (data.lod set): ties are drawn here, one canvas path per look (colour, width, dashes), only
  // those in view, the ties between the most important actors first, at most lod.rest at rest and lod.moving
  // while the map pans or zooms; arrowheads only once zoomed in. vis-network draws only the ties of the
  // selected actor (highlighted as usual).
  function fastEdges(edges, rank) {  // edges: the map's tie items, in order
    var fast = {byId: new Map(), lookOf: {}, list: [], looks: []};
    edges.forEach(function (e) { fast.byId.set(e.id, fastEdge(fast, e, rank)); });
    return sortFastEdges(fast);
  }
  function fastEdge(fast, e, rank) {
    var key = [e.color, e.width, String(e.dashes || false), e.arrows ? 1 : 0].join("|");
    var look = fast.lookOf[key] || (fast.lookOf[key] = {color: e.color, width: e.width || 1, dashes: e.dashes || null,
                                                        arrow: !!e.arrows, segments: []});
    return {from: String(e.from), to: String(e.to), look: look, order: Math.max(rank[e.from] || 0, rank[e.to] || 0)};
  }
  function sortFastEdges(fast) {  // most important ties first; ties of equal rank keep the map's order
    var all = Array.from(fast.byId.values()), most = 0, i;
    for (i = 0; i < all.length; i++) {
      var o = all[i].order;
      if (!(o >= 0 && o <= 1e7 && o === Math.floor(o))) { most = -1; break; }
      if (o > most) most = o;
    }
    if (most < 0) {
      fast.list = all.sort(function (a, b) { return a.order - b.order; });
    } else {  // ranks are whole numbers: counted into place, in linear time (as stable as the sort)
      var start = new Int32Array(most + 2), list = new Array(all.length);
      for (i = 0; i < all.length; i++) start[all[i].order + 1] += 1;
      for (i = 1; i < start.length; i++) start[i] += start[i - 1];
      for (i = 0; i < all.length; i++) list[start[all[i].order]++] = all[i];
      fast.list = list;
    }
    fast.looks = fastLooks(fast);
    return fast;
  }
  function fastLooks(fast) { return Object.keys(fast.lookOf).map(function (k) { return fast.lookOf[k]; }); }
  // Actor ids by the rank of their name (ranks run from 0, each once; else sorted by rank).
  function rankOrder(rank) {
    var ids = Object.keys(rank), order = new Array(ids.length);
    for (var i = 0; i < ids.length; i++) {
      var r = rank[ids[i]];
      if (!(r >= 0 && r < ids.length) || order[r] !== undefined) {
        return ids.sort(function (a, b) { return (rank[a] || 0) - (rank[b] || 0); });
      }
      order[r] = ids[i];
    }
    return order;
  }
  function strokeLook(ctx, look, scale, alpha, extra, moving) {  // while moving: no dashes, no arrowheads
    if (!look.segments.length) return;
    ctx.beginPath();
    var arrows = look.arrow && scale > 0.45 && !moving;
    for (var i = 0; i < look.segments.length; i++) {
      var g = look.segments[i];
      ctx.moveTo(g[0], g[1]);
      ctx.lineTo(g[2], g[3]);
    }
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = look.color;
    ctx.lineWidth = Math.max(look.width + extra, (extra ? 3 : 0.3) / scale);  // a path's ties: 3 px at least
    ctx.setLineDash(moving ? [] : look.dashes || []);
    ctx.stroke();
    ctx.setLineDash([]);
    if (arrows) {  // a small head where the tie meets its target's disc
      ctx.beginPath();
      ctx.fillStyle = look.color;
      var size = 6 + look.width;
      for (var j = 0; j < look.segments.length; j++) {
        var a = look.segments[j], dx = a[2] - a[0], dy = a[3] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
        var ux = dx / len, uy = dy / len, tx = a[2] - ux * a[4], ty = a[3] - uy * a[4];
        ctx.moveTo(tx, ty);
        ctx.lineTo(tx - ux * size - uy * size * 0.5, ty - uy * size + ux * size * 0.5);
        ctx.lineTo(tx - ux * size + uy * size * 0.5, ty - uy * size - ux * size * 0.5);
      }
      ctx.fill();
    }
    look.segments = [];
  }
  function drawFastEdges(network, ctx) {
    var s = network.snx, fast = s.fast;
    var r = network.renderer, moving = r.dragging || r.zooming;
    var budget = moving ? s.lod.moving : s.lod.rest;
    var scale = network.getScale(), w = s.host.clientWidth, h = s.host.clientHeight;
    var a = network.DOMtoCanvas({x: -20, y: -20}), b = network.DOMtoCanvas({x: w + 20, y: h + 20});
    var nodes = network.body.nodes, count = 0, path = s.path, onPath = [];
    for (var i = 0; i < fast.list.length && count < budget; i++) {
      var e = fast.list[i], p = nodes[e.from], q = nodes[e.to];
      if (!p || !q) continue;
      if ((p.x < a.x && q.x < a.x) || (p.x > b.x && q.x > b.x) || (p.y < a.y && q.y < a.y) ||
          (p.y > b.y && q.y > b.y)) continue;
      var segment = [p.x, p.y, q.x, q.y, (q.shape && q.shape.radius) || q.options.size || 10];
      if (path && path.pairs[e.from + "\u0000" + e.to]) { onPath.push([e, segment]); continue; }
      e.look.segments.push(segment);
      count += 1;
    }
    if (path) {  // every tie of the path is drawn, over the faded rest, however many ties there are
      fast.list.forEach(function (e) {
        if (path.pairs[e.from + "\u0000" + e.to] && !onPath.some(function (o) { return o[0] === e; })) {
          var p = nodes[e.from], q = nodes[e.to];
          if (p && q) onPath.push([e, [p.x, p.y, q.x, q.y, (q.shape && q.shape.radius) || q.options.size || 10]]);
        }
      });
    }
    ctx.save();
    fast.looks.forEach(function (look) { strokeLook(ctx, look, scale, path ? 0.12 : 0.8, 0, moving); });
    onPath.forEach(function (o) { o[0].look.segments.push(o[1]); });
    fast.looks.forEach(function (look) { strokeLook(ctx, look, scale, 1, 2.5, false); });
    ctx.restore();
    s.edgesDrawn = count + onPath.length;
  }
  // Large maps also draw their actors here: discs in view, one canvas path per colour, the most important
  // last (on top). vis-network draws only the selected actor (and on the first frame all, to measure them).
  function drawFastNodes(network, ctx) {
    var s = network.snx, nodes = network.body.nodes, scale = network.getScale();
    var w = s.host.clientWidth, h = s.host.clientHeight;
    var a = network.DOMtoCanvas({x: -20, y: -20}), b = network.DOMtoCanvas({x: w + 20, y: h + 20});
    var groups = {}, keys = [];
    for (var i = s.order.length - 1; i >= 0; i--) {
      var id = s.order[i], node = nodes[id];
      if (!node || id === s.focused) continue;
      var r = (node.shape && node.shape.radius) || node.options.size || 10;
      if (node.x + r < a.x || node.x - r > b.x || node.y + r < a.y || node.y - r > b.y) continue;
      var faded = s.path && !s.path.nodes[id] ? 1 : 0, key = faded + node.options.color.background;
      if (!groups[key]) { groups[key] = {color: node.options.color.background, faded: faded, discs: []}; keys.push(key); }
      groups[key].discs.push(node.x, node.y, Math.max(r, 1.5 / scale));
    }
    ctx.save();
    ctx.lineWidth = 1 / scale;
    ctx.strokeStyle = "#ffffff";
    keys.sort(function (k1, k2) { return groups[k2].faded - groups[k1].faded; });  // faded ones underneath
    keys.forEach(function (key) {
      var g = groups[key], d = g.discs;
      ctx.globalAlpha = g.faded ? 0.2 : 1;
      ctx.fillStyle = g.color;
      ctx.beginPath();
      for (var j = 0; j < d.length; j += 3) { ctx.moveTo(d[j] + d[j + 2], d[j + 1]); ctx.arc(d[j], d[j + 1], d[j + 2], 0, 6.2832); }
      ctx.fill();
      if (scale > 0.3) ctx.stroke();
    });
    ctx.restore();
  }
  function snxDraw(container, data, onSelect) {
    var host = document.createElement("div");
    host.className = "snx-canvas";
    container.appendChild(host);
    container.appendChild(legendBox(data));
    var own = data.labels !== false;
    var nodes = new vis.DataSet(prepare(data.nodes, own));
    var edges = new vis.DataSet(prepare(data.edges, false));
    var network = new vis.Network(host, {nodes: nodes, edges: edges}, data.options);
    var legend = container.lastChild;
    var labels = {}, rank = {}, ranked = data.nodes.slice();
    data.nodes.forEach(function (n) { labels[n.id] = n.label || ""; rank[n.id] = n.rank; });
    ranked.sort(function (a, b) { return (a.rank || 0) - (b.rank || 0); });
    var byId = function (items) { return new Map(items.map(function (item) { return [item.id, item]; })); };
    network.snx = {nodes: nodes, edges: edges, host: host, drawn: 0, labels: labels, rank: rank, showLabels: own,
                   order: ranked.map(function (n) { return n.id; }), captions: data.captions || [],
                   focused: null, clicked: null, widths: {}, path: null, lod: data.lod || null,
                   fast: data.lod ? fastEdges(data.edges, rank) : null,
                   items: {nodes: byId(data.nodes), edges: byId(data.edges)},  // the map's items by id, in order
                   container: container, legend: legend, options: JSON.stringify(data.options),
                   valueRange: valueRange(network.body),
                   said: JSON.stringify([data.legend_title, data.legend, data.ties_title, data.legend_ties])};
    if (network.snx.fast) {
      var allEdges = null, allNodes = null;
      network.on("beforeDrawing", function (ctx) {
        var s = network.snx, focused = s.focused && network.body.nodes[s.focused];
        drawFastEdges(network, ctx);
        allEdges = network.body.edgeIndices;
        network.body.edgeIndices = focused ? focused.edges.map(function (e) { return e.id; }) : [];
        if (!s.drawn) return;
        drawFastNodes(network, ctx);
        allNodes = network.body.nodeIndices;
        network.body.nodeIndices = focused ? [s.focused] : [];
      });
      network.on("afterDrawing", function () {
        if (allEdges) network.body.edgeIndices = allEdges;
        if (allNodes) network.body.nodeIndices = allNodes;
        allEdges = allNodes = null;
      });
    }
    network.on("afterDrawing", function (ctx) {
      drawLabels(network, ctx);
      if (!network.snx.drawn) network.snx.firstDrawnAt = performance.now();
      network.snx.drawn += 1;
    });
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) {
        var id = String(params.nodes[0]);
        network.snx.clicked = id;
        snxFocus(network, id, false);
        if (onSelect) onSelect(id);
      }
    });
    // Fit once the container has its size, with room for the labels at the edges.
    // (or to the path shown, when one was set before the first frame).
    network.once("afterDrawing", function () {
      if (network.snx.path) return fitPath(network);
      network.fit({animation: false});
      network.moveTo({scale: network.getScale() * 0.9, animation: false});
    });
    return network;
  }
  // Select `id`, highlight its ties and name it; with `fit`, zoom to it and its partners.
  function snxFocus(network, id, fit) {
    var s = network.snx;
    if (id == null || !s.nodes.get(id)) { network.unselectAll(); s.focused = null; network.redraw(); return false; }
    s.focused = id;
    network.selectNodes([id], true);
    if (fit && s.clicked !== id) {
      var around = [id].concat(network.getConnectedNodes(id));
      network.fit({nodes: around, animation: false, minZoomLevel: 0.2, maxZoomLevel: 1.6});
      network.moveTo({scale: network.getScale() * 0.85, animation: false});
    }
    network.redraw();
    return true;
  }
  // Show a path (or several): `steps` is a list of [actor, actor] pairs. Their actors and ties keep their
  // colour, their ties are drawn thicker and their names first; every other actor and tie is faded.
  // The view fits the path. An empty or null `steps` shows the whole map again.
  function snxHighlight(network, steps, fit) {
    var s = network.snx, had = !!s.path;
    steps = (steps || []).filter(function (st) { return st && s.nodes.get(String(st[0])) && s.nodes.get(String(st[1])); });
    if (!steps.length) {
      s.path = null;
      if (had) restyle(network, null);
      network.redraw();
      return false;
    }
    var path = {nodes: {}, pairs: {}, order: []};
    steps.forEach(function (st) {
      var a = String(st[0]), b = String(st[1]);
      path.pairs[a + "\u0000" + b] = path.pairs[b + "\u0000" + a] = true;
      [a, b].forEach(function (id) { if (!path.nodes[id]) { path.nodes[id] = true; path.order.push(id); } });
    });
    s.path = path;
    restyle(network, path);
    if (fit) fitPath(network);
    network.redraw();
    return true;
  }
  function fitPath(network) {
    network.fit({nodes: network.snx.path.order, animation: false, minZoomLevel: 0.05, maxZoomLevel: 1.6});
    network.moveTo({scale: network.getScale() * 0.85, animation: false});
  }
  function restyle(network, path) {  // fade (or bring back) what is not on the path
    var s = network.snx;
    s.nodes.update(Array.from(s.items.nodes.values(), function (n) {
      return {id: n.id, opacity: !path || path.nodes[n.id] ? 1 : 0.2};
    }));
    if (s.fast) return;  // large maps: drawFastEdges fades the ties itself
    s.edges.update(Array.from(s.items.edges.values(), function (e) {
      var on = path && path.pairs[String(e.from) + "\u0000" + String(e.to)];
      return {id: e.id, width: on ? (e.width || 1) + 2.5 : (e.width || 1),
              color: {color: e.color, opacity: !path ? 0.8 : on ? 1 : 0.12}};
    }));
  }
  // Run `change` (edits to the network's DataSets) with vis-network's "data changed" work done once at the
  // end instead of after each edit: on a 5,000-actor map that work walks every actor and tie (~0.1 s a time).
  // Large maps do not do that work at all but what the edit needs of it (settle); `touched`: the actors
  // added or changed.
  function coalesced(network, change, touched) {
    var emitter = network.body.emitter, emit = emitter.emit, held = {};
    emitter.emit = function (name) {
      if (name === "_dataChanged" || name === "_dataUpdated") { held[name] = true; return emitter; }
      return emit.apply(emitter, arguments);
    };
    try { change(); } finally { emitter.emit = emit; }
    if (network.snx.fast && (held._dataChanged || held._dataUpdated)) settle(network, !!held._dataChanged, touched);
    else if (held._dataChanged) emitter.emit("_dataChanged");  // it emits _dataUpdated itself
    else if (held._dataUpdated) emitter.emit("_dataUpdated");
  }
  // The smallest and largest size value of the actors (vis-network sizes each between them) and their sum.
  function valueRange(body) {
    var min, max, total = 0;
    for (var id in body.nodes) {
      var v = body.nodes[id].getValue();
      if (v === undefined) continue;
      min = min === undefined || v < min ? v : min;
      max = max === undefined || v > max ? v : max;
      total += v;
    }
    return min === undefined ? null : [min, max, total];
  }
  // What vis-network's "data changed" work does that an edit of a large map needs: ties whose actor is gone
  // are dropped, the lists of actors and ties to draw follow what was added or removed, the selection forgets
  // what is gone, and sizes are scaled again (every actor's only when the range of sizes moved). Its own work
  // also rebuilds every actor's list of ties and every cluster (the map has none): 0.15-0.25 s at
  // 5,000/20,000, for one tie.
  function settle(network, structure, touched) {
    var body = network.body, s = network.snx;
    if (structure) {
      network.edgesHandler._removeInvalidEdges();
      network.selectionHandler.updateSelection();
      body.nodeIndices = Object.keys(body.nodes);
      body.edgeIndices = Object.keys(body.edges).filter(function (id) {
        var e = body.edges[id];
        return body.nodes[e.fromId] !== undefined && body.nodes[e.toId] !== undefined;
      });
    }
    var range = valueRange(body), was = s.valueRange;
    if (range) {
      var again = was && was[0] === range[0] && was[1] === range[1] ? touched : Object.keys(body.nodes);
      again.forEach(function (id) { if (body.nodes[id]) body.nodes[id].setValueRange(range[0], range[1], range[2]); });
    }
    s.valueRange = range;
  }
  // Put an edit into the drawing in place (see graph.redraw): `patch` holds the actors and ties drawn again
  // (whole items, as in data.nodes / data.edges), the new rank of names that moved in the order, the ids of
  // the actors and ties gone and the drawing's other parts
  // (legend, captions, options). False when it cannot be done in place (the map crossed the size from which
  // it draws ties itself): draw it anew then.
  function snxPatch(network, patch) {
    var s = network.snx;
    if (!s || !patch.rest.lod !== !s.lod) return false;  // a map that became large (or small) is drawn anew
    var gone = patch.removed || [], left = patch.removed_nodes || [];
    left.forEach(function (id) { s.items.nodes.delete(id); delete s.rank[id]; delete s.labels[id]; });
    gone.forEach(function (id) { s.items.edges.delete(id); if (s.fast) s.fast.byId.delete(id); });
    patch.nodes.forEach(function (n) {  // an actor drawn again keeps its place in the order; a new one goes last
      s.items.nodes.set(n.id, n);
      s.labels[n.id] = n.label || "";
      s.rank[n.id] = n.rank;
      delete s.widths[n.id];
    });
    Object.keys(patch.ranks || {}).forEach(function (id) { s.rank[id] = patch.ranks[id]; });
    patch.edges.forEach(function (e) { s.items.edges.set(e.id, e); });
    coalesced(network, function () {
      s.edges.remove(gone);
      s.nodes.remove(left);
      s.nodes.update(prepare(patch.nodes, s.showLabels));
      s.edges.update(prepare(patch.edges, false));
    }, patch.nodes.map(function (n) { return String(n.id); }));
    s.order = rankOrder(s.rank);
    s.captions = patch.rest.captions || [];
    if (s.fast) {  // the large map's own list of ties: the ties drawn again, and every tie's rank anew
      var moved = gone.length > 0;  // sorted again only when a tie came, went or changed its place in the order
      patch.edges.forEach(function (e) {
        var had = s.fast.byId.get(e.id), now = fastEdge(s.fast, e, s.rank);
        if (!had) { s.fast.byId.set(e.id, now); moved = true; return; }
        moved = moved || had.order !== now.order;
        Object.assign(had, now);  // the same item: the list holds it
      });
      s.fast.byId.forEach(function (e) {
        var order = Math.max(s.rank[e.from] || 0, s.rank[e.to] || 0);
        if (order !== e.order) { e.order = order; moved = true; }
      });
      if (moved) sortFastEdges(s.fast);
      else s.fast.looks = fastLooks(s.fast);
    }
    var options = JSON.stringify(patch.rest.options);
    if (options !== s.options) { network.setOptions(patch.rest.options); s.options = options; }
    s.lod = patch.rest.lod || null;
    var said = JSON.stringify([patch.rest.legend_title, patch.rest.legend, patch.rest.ties_title, patch.rest.legend_ties]);
    if (said !== s.said) {  // the legend anew only when it says something else (the page lays itself out again)
      var legend = legendBox(patch.rest);
      s.container.replaceChild(legend, s.legend);
      s.legend = legend;
      s.said = said;
    }
    if (s.path) restyle(network, s.path);
    network.redraw();
    return true;
  }
  globalThis.snxDraw = snxDraw;
  globalThis.snxPatch = snxPatch;
  globalThis.snxHighlight = snxHighlight;
  globalThis.snxFocus = snxFocus;
})();
