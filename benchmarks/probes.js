/* In-page probes for benchmarks/bench.py. Times are performance.now(): milliseconds since navigation start.
   Part 1 runs before any script of the page (Page.addScriptToEvaluateOnNewDocument). */
(function () {
  if (window.__bench) { return; }
  var MAP = "#map path.choroplethlocation";
  var b = window.__bench = { mapPaths: null, mapDrawn: null, input: null };
  // The user's action: the release of a click, or a key (capture phase, before the page's own handlers).
  ["pointerup", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { b.input = performance.now(); }, true);
  });
  // First load: the moment the map's choropleth paths are in the DOM, and the frame that paints them.
  var seen = new MutationObserver(function () {
    if (b.mapPaths === null && document.querySelector(MAP)) {
      b.mapPaths = performance.now();
      seen.disconnect();
      requestAnimationFrame(function () { b.mapDrawn = performance.now(); });
    }
  });
  seen.observe(document, { childList: true, subtree: true });

  /* Part 2, called before each action: watch until the page settles.
     - mapChanged: the first frame in which the map's fills/outlines differ from before the action;
     - position: the first time #scene-position's text differs (presenter);
     - lastMutation / settled: the last DOM change, and the animation frame after it. */
  function signature() {
    return Array.prototype.map.call(document.querySelectorAll(MAP), function (p) {
      return (p.getAttribute("fill") || "") + (p.getAttribute("style") || "");
    }).join("|");
  }
  function positionText() {
    var element = document.getElementById("scene-position");
    return element ? element.textContent : null;
  }
  function describe(record) {  // which part of the page changed last (to explain a long settle)
    var node = record.target.nodeType === 1 ? record.target : record.target.parentNode;
    var owner = node && node.closest ? node.closest("[id]") : null;
    return (owner ? "#" + owner.id + " " : "") + (node ? node.nodeName.toLowerCase() : "?") +
      (record.attributeName ? "[" + record.attributeName + "]" : "");
  }
  /* dcc.Graph marks a graph "pending" while it checks the graph's size after a container changed
     (and the page skips that redraw when the size is the same, see assets/dashboard.js): a class
     toggled on and off again, nothing painted. Any other change counts. */
  function changesPixels(record) {
    if (record.attributeName !== "class") { return true; }
    var strip = function (text) { return (text || "").replace(/\s*dash-graph--pending\s*/g, " ").trim(); };
    return strip(record.oldValue) !== strip(record.target.getAttribute("class"));
  }
  window.__benchArm = function () {
    if (b.observer) { b.observer.disconnect(); }
    var before = signature(), position = positionText(), armed = performance.now();
    Object.assign(b, { input: null, mapChanged: null, position: null, lastMutation: armed, settled: armed,
                      armed: armed, lastChange: null });
    b.observer = new MutationObserver(function (records) {
      records = records.filter(changesPixels);
      if (!records.length) { return; }
      var now = performance.now();
      b.lastMutation = now;
      b.lastChange = describe(records[records.length - 1]);
      if (b.position === null && position !== null && positionText() !== position) { b.position = now; }
      requestAnimationFrame(function () { b.settled = Math.max(b.settled, performance.now()); });
    });
    b.observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true,
                                         attributeOldValue: true });
    var frames = 0;
    (function watch() {
      if (b.mapChanged !== null || frames++ > 1200) { return; }  // at most ~20 s of frames
      if (signature() !== before) { b.mapChanged = performance.now(); return; }
      requestAnimationFrame(watch);
    })();
    return armed;
  };
  window.__benchState = function () {
    return { now: performance.now(), input: b.input, mapChanged: b.mapChanged, position: b.position,
             lastMutation: b.lastMutation, settled: b.settled, positionText: positionText(),
             lastChange: b.lastChange || null };
  };
  /* The first load's timeline (navigation and resource timing). */
  window.__benchLoad = function () {
    var nav = performance.getEntriesByType("navigation")[0] || {};
    var resources = performance.getEntriesByType("resource");
    var plotly = resources.find(function (r) { return /plotly[^/]*\.js/.test(r.name); });
    var callbacks = resources.filter(function (r) { return r.name.indexOf("_dash-update-component") !== -1; });
    var layout = resources.find(function (r) { return r.name.indexOf("_dash-layout") !== -1; });
    return {
      htmlResponseEnd: nav.responseEnd || null,
      plotlyResponseEnd: plotly ? plotly.responseEnd : null,
      domContentLoaded: nav.domContentLoadedEventEnd || null,
      layoutResponseEnd: layout ? layout.responseEnd : null,
      firstCallbackResponseEnd: callbacks.length ? Math.min.apply(null, callbacks.map(function (r) { return r.responseEnd; })) : null,
      lastCallbackResponseEnd: callbacks.length ? Math.max.apply(null, callbacks.map(function (r) { return r.responseEnd; })) : null,
      loadEvent: nav.loadEventEnd || null,
      mapPaths: b.mapPaths,
      mapDrawn: b.mapDrawn
    };
  };
})();
