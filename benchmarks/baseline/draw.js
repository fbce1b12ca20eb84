/* The map's drawing, shared by the standalone page and the Streamlit component.
 * Defines globalThis.snxDraw(container, data, onSelect) -> vis.Network and snxFocus(network, id, fit).
 * User text reaches the DOM only through textContent, and the canvas only through fillText.
 * Names are drawn here, not by vis-network: most important actors first (data.nodes[i].rank), the selected
 * actor and its partners before all others, each where it overlaps no name and no node already drawn. */
(function () {
  var FONT = 13;            // label size in screen pixels, whatever the zoom
  var MAX_LABELS = 160;     // names drawn at most at once
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
  function overlaps(a, list) {
    for (var i = 0; i < list.length; i++) {
      var b = list[i];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) return true;
    }
    return false;
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
    var placed = [], discs = [];
    (s.captions || []).forEach(function (c) {  // captions first: no name is drawn over them
      ctx.font = "italic " + (FONT / scale) + "px sans-serif";
      var d = toDom(c), cw = ctx.measureText(String(c.text)).width * scale;
      placed.push([d.x, d.y - FONT, d.x + cw, d.y + FONT * 0.6]);
    });
    var order = s.order;
    if (s.focused) {
      var first = [s.focused].concat(network.getConnectedNodes(s.focused));
      order = first.concat(order.filter(function (id) { return first.indexOf(id) < 0; }));
    }
    var nodes = network.body.nodes;
    var visible = [];
    for (var i = 0; i < order.length; i++) {
      var node = nodes[order[i]];
      if (!node) continue;
      var d = toDom(node);
      var r = (node.shape && node.shape.radius ? node.shape.radius : (node.options.size || 10)) * scale;
      if (d.x < -50 || d.y < -20 || d.x > w + 50 || d.y > h + 20) continue;
      visible.push([order[i], node, d, r]);
      if (visible.length < 1500) discs.push([d.x - r, d.y - r, d.x + r, d.y + r]);
    }
    var drawn = 0;
    for (var k = 0; k < visible.length && drawn < MAX_LABELS; k++) {
      var id = visible[k][0], d2 = visible[k][2], r2 = visible[k][3];
      var text = s.labels[id];
      if (!text) continue;
      var tw = ctx.measureText(text).width * scale, th = FONT * 1.2, gap = r2 + 3;
      var spots = [[d2.x + gap, d2.y - th / 2, "left"], [d2.x - gap - tw, d2.y - th / 2, "right"],
                   [d2.x - tw / 2, d2.y + gap, "center"], [d2.x - tw / 2, d2.y - gap - th, "center"]];
      var mine = k < 1500 ? k : -1;
      // the selected actor and the three that matter most are named even among crowded nodes
      var must = id === s.focused || (s.rank[id] !== undefined && s.rank[id] < 3);
      var others = mine >= 0 ? discs.slice(0, mine).concat(discs.slice(mine + 1)) : discs;
      for (var j = 0; j < spots.length + (id === s.focused ? 1 : 0); j++) {
        var spot = spots[Math.min(j, spots.length - 1)];
        var last = j === spots.length;  // the selected actor's name goes right of it whatever it covers
        var box = [spot[0], spot[1], spot[0] + tw, spot[1] + th];
        if (!last && (box[0] < 0 || box[2] > w || box[1] < 0 || box[3] > h)) continue;
        if (!last && (overlaps(box, placed) || (!must && overlaps(box, others)))) continue;
        if (id === s.focused) {
          ctx.fillStyle = "rgba(255,255,255,0.9)";
          ctx.fillRect(view.x + (box[0] - 3 - w / 2) / scale, view.y + (box[1] - h / 2) / scale,
                       (tw + 6) / scale, th / scale);
        }
        placed.push(box);
        var x = view.x + (box[0] - w / 2) / scale, y = view.y + (box[1] + th / 2 - h / 2) / scale;
        ctx.font = (id === s.focused ? "bold " : "") + (FONT / scale) + "px sans-serif";
        ctx.lineWidth = 4 / scale;
        ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.strokeText(text, x, y);
        ctx.fillStyle = "#222222";
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
    var labels = {}, rank = {}, ranked = data.nodes.slice();
    data.nodes.forEach(function (n) { labels[n.id] = n.label || ""; rank[n.id] = n.rank; });
    ranked.sort(function (a, b) { return (a.rank || 0) - (b.rank || 0); });
    network.snx = {nodes: nodes, edges: edges, host: host, drawn: 0, labels: labels, rank: rank, showLabels: own,
                   order: ranked.map(function (n) { return n.id; }), captions: data.captions || [],
                   focused: null, clicked: null};
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
    network.once("afterDrawing", function () {
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
  globalThis.snxDraw = snxDraw;
  globalThis.snxFocus = snxFocus;
})();
