/* okoce-graph network page. Everything from the data is put in the DOM with textContent. */
(function () {
  "use strict";
  var T0 = performance.now();
  var D = JSON.parse(document.getElementById("okg-data").textContent);
  var UI = D.ui;
  var SVGNS = "http://www.w3.org/2000/svg";  // a namespace name, never fetched

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  var status = document.getElementById("okg-status");
  function setStatus(key, value) { status.setAttribute("data-" + key, String(value)); }

  // ---- network ---------------------------------------------------------------------------
  var nodes = new vis.DataSet(D.nodes);
  var edges = new vis.DataSet(D.edges);
  var container = document.getElementById("okg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, D.options);
  var labels = D.nodes.map(function (n) { return String(n.label); });
  var lowerLabels = labels.map(function (s) { return s.toLowerCase(); });
  var typeOf = D.nodeInfo.map(function (info) { return info.type; });
  var typeByKey = {};
  D.types.forEach(function (t) { typeByKey[t.key] = t; });

  // Keep the whole graph in view (after the first drawing, when node and label sizes are
  // known, and when the page is resized) until the user or a search moves the view.
  var viewMoved = false;
  function fitIfUntouched() {
    if (!viewMoved && !network.getSelectedNodes().length) { network.fit({ animation: false }); }
  }
  network.once("dragStart", function () { viewMoved = true; });
  network.once("zoom", function () { viewMoved = true; });
  network.on("resize", fitIfUntouched);
  if (!D.physics) { network.once("afterDrawing", fitIfUntouched); }

  window.okgNetwork = network;
  window.okgStats = { nodes: nodes.length, edges: edges.length, types: D.types.length,
                      physics: D.physics };
  setStatus("nodes", nodes.length);
  setStatus("edges", edges.length);
  setStatus("physics", D.physics ? 1 : 0);
  setStatus("created-ms", Math.round(performance.now()));
  network.once("afterDrawing", function () {
    setStatus("ready-ms", Math.round(performance.now()));
    setStatus("ready", 1);
  });
  // Draw now rather than on the next animation frame, which a hidden or headless page may
  // never get: at once without physics, and as soon as the layout has stabilised with it.
  network.redraw();
  network.once("stabilizationIterationsDone", function () { network.redraw(); });

  document.getElementById("okg-counts").textContent =
    nodes.length.toLocaleString(D.lang) + " " + UI.nodes + " \u00b7 " +
    edges.length.toLocaleString(D.lang) + " " + UI.edges;

  // ---- legend (click a type to hide or show it) --------------------------------------------
  var hiddenTypes = {};
  var idsByType = {};
  typeOf.forEach(function (type, id) { (idsByType[type] = idsByType[type] || []).push(id); });

  function glyph(shape, color) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    var item;
    if (shape === "dot") {
      item = document.createElementNS(SVGNS, "circle");
      item.setAttribute("cx", "8"); item.setAttribute("cy", "8"); item.setAttribute("r", "6.5");
    } else if (shape === "square") {
      item = document.createElementNS(SVGNS, "rect");
      item.setAttribute("x", "2"); item.setAttribute("y", "2");
      item.setAttribute("width", "12"); item.setAttribute("height", "12");
    } else {
      var points = {
        triangle: "8,1.5 15,14 1,14",
        diamond: "8,1 15,8 8,15 1,8",
        star: "8,1 10,6 15.5,6.2 11.2,9.6 12.8,15 8,11.8 3.2,15 4.8,9.6 0.5,6.2 6,6",
        hexagon: "8,1 14.1,4.5 14.1,11.5 8,15 1.9,11.5 1.9,4.5"
      }[shape] || "8,1 15,8 8,15 1,8";
      item = document.createElementNS(SVGNS, "polygon");
      item.setAttribute("points", points);
    }
    item.setAttribute("fill", color);
    item.setAttribute("stroke", "#3e4c59");
    item.setAttribute("stroke-width", "0.8");
    svg.appendChild(item);
    return svg;
  }

  function setTypeHidden(key, hidden) {
    hiddenTypes[key] = hidden;
    var ids = idsByType[key] || [];
    nodes.update(ids.map(function (id) { return { id: id, hidden: hidden }; }));
    var button = document.querySelector('.okg-legend-item[data-type="' + key + '"]');
    if (button) { button.setAttribute("aria-pressed", hidden ? "false" : "true"); }
  }

  var legend = document.getElementById("okg-legend");
  D.types.forEach(function (t) {
    var button = el("button", "okg-legend-item");
    button.type = "button";
    button.setAttribute("data-type", t.key);
    button.setAttribute("aria-pressed", "true");
    button.title = UI.legend_hint;
    button.appendChild(glyph(t.shape, t.color));
    button.appendChild(el("span", "okg-legend-name", t.name));
    button.appendChild(el("span", "okg-legend-count", t.count.toLocaleString(D.lang)));
    button.addEventListener("click", function () { setTypeHidden(t.key, !hiddenTypes[t.key]); });
    legend.appendChild(button);
  });

  // ---- side panel -----------------------------------------------------------------------
  var panel = document.getElementById("okg-panel");

  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
  }

  function showHint() {
    clearPanel();
    panel.appendChild(el("p", "okg-hint", UI.panel_hint));
  }

  function sourceLine(article, start, end) {
    var text = UI.article + ": " + (article || "\u2014");
    if (start !== null && start !== undefined && end !== null && end !== undefined) {
      text += " \u00b7 " + UI.chars + " " + start + "\u2013" + end;
    }
    return el("div", "okg-source", text);
  }

  function showNode(id) {
    var info = D.nodeInfo[id];
    var type = typeByKey[info.type];
    clearPanel();
    panel.appendChild(el("h2", "okg-panel-title", labels[id]));
    var meta = el("p", "okg-meta");
    meta.appendChild(document.createTextNode(UI.type + ": "));
    var badge = el("span", "okg-badge", type ? type.name : info.type);
    if (type) { badge.style.backgroundColor = type.color; }
    meta.appendChild(badge);
    meta.appendChild(document.createTextNode(" \u00b7 " + UI.degree + ": " + info.degree));
    panel.appendChild(meta);
    panel.appendChild(el("p", "okg-meta okg-iri", info.iri));
    panel.appendChild(el("h3", null, UI.facts + " (" + info.facts.length + ")"));
    if (!info.facts.length) {
      panel.appendChild(el("p", "okg-hint", UI.no_facts));
      return;
    }
    var list = el("ul", "okg-facts");
    info.facts.forEach(function (fact) {
      var item = el("li");
      item.appendChild(el("div", "okg-fact-head", (fact.relation + " " + fact.other).trim()));
      if (fact.evidence) { item.appendChild(el("blockquote", "okg-evidence", fact.evidence)); }
      item.appendChild(sourceLine(fact.article, fact.start, fact.end));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function showEdge(id) {
    var edge = edges.get(id);
    var info = D.edgeInfo[id];
    if (!edge || !info) { showHint(); return; }
    clearPanel();
    panel.appendChild(el("h2", "okg-panel-title", edge.label));
    panel.appendChild(el("p", "okg-meta",
                         labels[edge.from] + " \u2192 " + edge.label + " \u2192 " + labels[edge.to]));
    panel.appendChild(el("p", "okg-meta okg-iri", UI.relation + ": " + info.relation));
    panel.appendChild(el("h3", null, UI.evidence));
    panel.appendChild(el("blockquote", "okg-evidence", info.evidence || "\u2014"));
    panel.appendChild(sourceLine(info.article, info.start, info.end));
  }

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) {
      showNode(params.nodes[0]);
    } else if (params.edges && params.edges.length) {
      showEdge(params.edges[0]);
    } else {
      showHint();
    }
  });

  // ---- search ---------------------------------------------------------------------------
  var datalist = document.getElementById("okg-labels");
  var fragment = document.createDocumentFragment();
  D.labels.forEach(function (label) {
    var option = document.createElement("option");
    option.value = label;
    fragment.appendChild(option);
  });
  datalist.appendChild(fragment);

  function findNode(term) {
    var q = String(term).trim().toLowerCase();
    if (!q) { return null; }
    var best = null;
    var bestRank = 9;
    for (var i = 0; i < lowerLabels.length; i++) {
      var at = lowerLabels[i].indexOf(q);
      if (at < 0) { continue; }
      var rank = lowerLabels[i] === q ? 0 : (at === 0 ? 1 : 2);
      if (rank < bestRank ||
          (rank === bestRank && D.nodeInfo[i].degree > D.nodeInfo[best].degree)) {
        best = i;
        bestRank = rank;
      }
    }
    return best;
  }

  var message = document.getElementById("okg-search-msg");

  function selectNode(id, animate) {
    if (hiddenTypes[typeOf[id]]) { setTypeHidden(typeOf[id], false); }
    network.selectNodes([id]);
    network.focus(id, {
      scale: Math.max(network.getScale(), 1.0),
      animation: animate ? { duration: 450, easingFunction: "easeInOutQuad" } : false
    });
    showNode(id);
  }

  function search(term, animate) {
    var id = findNode(term);
    if (id === null) {
      message.textContent = String(term).trim() ? UI.not_found : "";
      return null;
    }
    message.textContent = "";
    selectNode(id, animate);
    return id;
  }

  var input = document.getElementById("okg-search");
  document.getElementById("okg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value, true);
  });
  input.addEventListener("input", function (event) {
    // Picking an entry from the datalist.
    if (!event.inputType || event.inputType === "insertReplacementText") {
      search(input.value, true);
    }
  });

  window.okgSearch = function (term) { return search(term, false); };

  // ---- self-test (only with #okg-test=<term>; writes results into #okg-status) -------------
  var hash = window.location.hash;
  if (hash.indexOf("#okg-test=") === 0) {
    var term = hash.slice("#okg-test=".length);
    try { term = decodeURIComponent(term); } catch (err) { /* keep it as written */ }
    setStatus("test-term", term);
    var found = search(term, false);
    var selected = network.getSelectedNodes();
    setStatus("found", found === null ? -1 : found);
    setStatus("selected-count", selected.length);
    setStatus("selected-label", selected.length ? labels[selected[0]] : "");
    var title = panel.querySelector(".okg-panel-title");
    setStatus("panel-title", title ? title.textContent : "");

    var buttons = legend.querySelectorAll(".okg-legend-item");
    setStatus("legend", buttons.length);
    if (buttons.length) {
      var key = buttons[0].getAttribute("data-type");
      buttons[0].click();
      setStatus("toggle-type", key);
      setStatus("toggle-expected", (idsByType[key] || []).length);
      setStatus("toggle-hidden", nodes.get({ filter: function (n) { return n.hidden; } }).length);
      setStatus("toggle-pressed", buttons[0].getAttribute("aria-pressed"));
      buttons[0].click();
      setStatus("toggle-restored",
                nodes.get({ filter: function (n) { return n.hidden; } }).length === 0 ? 1 : 0);
    }
    if (edges.length) {
      showEdge(0);
      var edgeTitle = panel.querySelector(".okg-panel-title");
      setStatus("edge-panel-title", edgeTitle ? edgeTitle.textContent : "");
      if (found !== null) { showNode(found); }
    }
    var resources = performance.getEntriesByType("resource");
    setStatus("resources", resources.length);
    setStatus("http-resources", resources.filter(function (r) {
      return /^https?:/i.test(r.name);
    }).length);
    setStatus("csp-violations", (window.okgCspViolations || []).length);
    setStatus("img-elements", document.getElementsByTagName("img").length);
    setStatus("script-elements", document.getElementsByTagName("script").length);
    setStatus("datalist-options", datalist.options.length);
    setStatus("setup-ms", Math.round(performance.now() - T0));
    setStatus("done", 1);
  }
}());
