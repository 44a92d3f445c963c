/* Khatlon Migration Dashboard: clientside callbacks (router, Play, notice), the window size, the
 * presenter's keys (a letter typed on a closed dropdown searches it: Dash 4's dropdown does that itself).
 * No inline scripts: this file is served from /assets, so the Content-Security-Policy stays strict.
 */
(function () {
  "use strict";
  var PLAY = "\u25B6";  // ▶
  var PAUSE = "\u275A\u275A";  // ❚❚
  var shownQuery = null;  // the query whose view is on screen (set by the router)
  var requests = 0;
  var ready = false;
  function quietly(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }

  /* "data.1.z" -> ["data", 1, "z"] */
  function pathOf(dotted) {
    return dotted.split(".").map(function (key) { return /^\d+$/.test(key) ? parseInt(key, 10) : key; });
  }

  /* Apply ["data.1.z", value] pairs (from figures.map.compact) to a copy of a figure (Play's frames). */
  function applyUpdates(figure, updates) {
    var copy = JSON.parse(JSON.stringify(figure));
    updates.forEach(function (pair) {
      var path = pathOf(pair[0]), node = copy;
      for (var i = 0; i < path.length - 1; i++) {
        if (node[path[i]] === undefined || node[path[i]] === null) { node[path[i]] = {}; }
        node = node[path[i]];
      }
      node[path[path.length - 1]] = pair[1];
    });
    return copy;
  }

  function params(search) { return new URLSearchParams(search === undefined ? window.location.search : search); }
  function presenting(search) { return params(search).get("present") === "1"; }

  /* The window's size class: only what changes a drawing (wide or narrow; in presenter mode the size). */
  var STEP = 80;
  function rounded(size) { return { w: Math.round(size.w / STEP) * STEP, h: Math.round(size.h / STEP) * STEP }; }
  function viewport() { return rounded({ w: window.innerWidth, h: window.innerHeight }); }
  /* What of the size changes a drawing: in presenter mode the size; otherwise the width below the
     1366 px laptop the server assumes (figures are wrapped to their cards, names shown from 1100 px). */
  function sizeKey(size, present) {
    if (present) { return size.w + "x" + size.h; }
    return size.w >= 1360 ? "wide" : String(size.w);  // 1360: a 1366 px window in steps of 80
  }
  /* Whether a scene cache ("version|lang|WxH") was drawn for this window's size class. */
  function drawnForThisScreen(key) {
    var match = /\|(\d+)x(\d+)$/.exec(key || "");
    if (!match) { return false; }
    var drawn = rounded({ w: parseInt(match[1], 10), h: parseInt(match[2], 10) }), now = viewport();
    return drawn.w === now.w && drawn.h === now.h;
  }
  var sentKey = null;  // the size class the server last heard of (null: it assumes a laptop or a projector)
  function sizeChanged(search) {
    var present = presenting(search);
    var key = sizeKey(viewport(), present);
    var assumed = sizeKey(rounded({ w: present ? 1920 : 1366, h: present ? 1080 : 768 }), present);
    return key !== (sentKey === null ? assumed : sentKey);
  }
  /* A request for a URL, with the window's size when the server should hear of it. */
  function requestFor(search, withSize) {
    requests += 1;
    var request = { search: search, n: requests };
    if (withSize || sizeChanged(search)) {
      var size = viewport();
      request.w = size.w;
      request.h = size.h;
      sentKey = sizeKey(size, presenting(search));
    }
    return request;
  }
  /* The window changed size (or the page just started): ask again for what is shown, with the size.
     A presenter page that arrived drawn for its exact screen (a 1920x1080 projector in full screen)
     asks too: the answer brings the scene cache, so that stepping needs no server. */
  function reportViewport(needsCache) {
    var set = window.dash_clientside && window.dash_clientside.set_props;
    if (!set || !ready || !(needsCache || sizeChanged(window.location.search))) { return; }
    shownQuery = null;
    set("url-request", { data: requestFor(window.location.search, Boolean(needsCache)) });
  }

  /* Fetch what the cached scenes' maps will need (the boundaries, the topojson stub) while the
     connection is up: both are cached by the browser, so a map scene draws offline later. */
  var prefetched = false;
  function prefetchGeometry(cache) {
    if (prefetched || !cache || !cache.scenes) { return; }
    prefetched = true;
    Object.keys(cache.scenes).forEach(function (number) {
      var scene = cache.scenes[number];
      if (scene.map && scene.map.data && scene.map.data[0] && typeof scene.map.data[0].geojson === "string") {
        quietly(fetch(scene.map.data[0].geojson));
      }
    });
    quietly(fetch("/assets/topojson/world_110m.json"));
  }

  /* Show one scene from the scene cache, without the server (the presenter's connection may be gone). */
  function showScene(scene) {
    var set = window.dash_clientside.set_props;
    set("app", { className: scene.app });
    set("scene-title", { children: scene.title });
    set("scene-note", { children: scene.note });
    set("scene-position", { children: scene.position });
    set("leave-query", { children: scene.leave });
    set("data-status", { hidden: scene.hideStatus });
    set("stage", { className: scene.stage });
    if (scene.map) { set("stage-map", { figure: scene.map }); }
    if (scene.ranking) { set("stage-ranking", { figure: scene.ranking }); }
    if (scene.chart) { set("stage-chart", { figure: scene.chart }); }
    window.khatlonStage.showPanel(scene.panel);
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    khatlon: {
      /* A new URL: show it from the scene cache when it is a cached scene, else ask the server. */
      route: function (search, view, cache) {
        var noUpdate = window.dash_clientside.no_update;
        if (!ready) {  // the first call: the renderer is ready for the window's size
          ready = true;
          var needsCache = presenting(search || "") && !(cache && cache.scenes);
          setTimeout(function () { reportViewport(needsCache); }, 0);
        }
        search = search || "";
        if (search === shownQuery) { return noUpdate; }
        if (shownQuery === null && view && (view.query === search || view.source === search)) {
          // the server drew this page for this URL (or wrote this URL): show its canonical form, ask nothing
          shownQuery = view.query;
          if (search !== view.query) {
            window.history.replaceState(window.history.state, "", window.location.pathname + view.query);
            // tell dcc.Location too: else it later pushes the address it saw first over the view's
            window.dash_clientside.set_props("url", {
              href: window.location.href, search: window.location.search, pathname: window.location.pathname
            });
            shownQuery = window.location.search;
          }
          return noUpdate;
        }
        var p = params(search);
        if (p.get("present") === "1" && cache && cache.scenes) {
          var language = p.get("lang") || (view && view.lang) || "en";
          var scene = cache.scenes[p.get("scene") || "1"];
          if (scene && cache.language === language && drawnForThisScreen(cache.key)) {
            showScene(scene);
            shownQuery = search;
            return noUpdate;
          }
        }
        shownQuery = null;
        return requestFor(search);
      },
      closeNotice: function () { return true; },
      cacheArrived: function (cache) {
        prefetchGeometry(cache);
        if (cache && cache.scenes) { setTimeout(function () { window.khatlonStage.prepare(cache); }, 0); }
        // for the presenter (and tests): every scene can now be shown without the server
        if (cache && cache.scenes) { document.body.setAttribute("data-scenes-cached", Object.keys(cache.scenes).length); }
        return window.dash_clientside.no_update;
      },
      /* New figures for the map, ranking, trend, profile, chart and gap map: whole, or the pairs that changed,
         applied as a dash.Patch (so the map's geometry never travels again). */
      applyFigureUpdates: function (updates) {
        var noUpdate = window.dash_clientside.no_update;
        return ["map", "ranking", "trend", "profile", "chart", "gap-map"].map(function (graph) {
          var update = updates && updates[graph];
          if (!update) { return noUpdate; }
          if (update.figure) { return update.figure; }
          var patch = new window.dash_clientside.Patch();
          update.pairs.forEach(function (pair) { patch.assign(pathOf(pair[0]), pair[1]); });
          return patch.build();
        });
      },
      setLanguage: function (language, view) {
        if (language) { document.documentElement.lang = language; }
        window.khatlonStage.skipUselessResizes();
        setTimeout(window.khatlonStage.watch, 0);
        if (shownQuery !== null && view && view.query && view.lang === language && view.query !== shownQuery) {
          // the page was drawn again in another language: the same view, its URL now names the language
          window.history.pushState({}, "", window.location.pathname + view.query);
          shownQuery = view.query;
          window.dash_clientside.set_props("url", { href: window.location.href, search: window.location.search });
        }
        return window.dash_clientside.no_update;
      },
      /* Frames arrived (or a stop): start the timer from the first year if at the end, or stop. */
      startOrStop: function (frames, year, figure) {
        var noUpdate = window.dash_clientside.no_update;
        if (!frames || frames.stop || !frames.years || frames.years.length < 2) {
          return [true, noUpdate, noUpdate, PLAY, year];  // stop: commit the year on screen
        }
        var years = frames.years;
        if (years.indexOf(year) === -1 || year === years[years.length - 1]) {
          var first = years[0];
          return [false, first, applyUpdates(figure, frames.frames[String(first)]), PAUSE, noUpdate];
        }
        return [false, noUpdate, noUpdate, PAUSE, noUpdate];
      },
      /* One frame: next year on the slider and on the map; stop (and commit) at the last year. */
      tick: function (n, frames, year, figure, indicator, tab) {
        var noUpdate = window.dash_clientside.no_update;
        if (!frames || !frames.years || frames.indicator !== indicator || tab !== "map") {
          return [noUpdate, noUpdate, true, year, PLAY];
        }
        var years = frames.years, next = years[years.indexOf(year) + 1];
        if (next === undefined) { return [noUpdate, noUpdate, true, year, PLAY]; }
        var last = next === years[years.length - 1];
        return [next, applyUpdates(figure, frames.frames[String(next)]), last, last ? next : noUpdate,
                last ? PLAY : PAUSE];
      },
      /* The slider's year goes to the server only when not playing. */
      commitYear: function (year, timerDisabled, committed) {
        var noUpdate = window.dash_clientside.no_update;
        if (timerDisabled === false || year === committed) { return noUpdate; }
        return year;
      }
    }
  });

  /* ---------------------------------------------------------------- the window's size */
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { reportViewport(false); }, 300);
  });

  /* ---------------------------------------------------------------- map names that fit */
  /* On a small map (a phone, a 1280x720 stage) some district names would sit on each other. After
     each drawing, hide every name that overlaps one already kept: the city point's name first, then
     the selected district's, then the others in the order of the labels trace (larger districts
     first). A hidden name is still in the district's hover. */
  var MAP_GRAPHS = ["map", "stage-map", "gap-map", "stage-chart"], MARKS_TRACE = 2, POINTS_TRACE = 3, LABELS_TRACE = 4;
  function traceTexts(gd, index) {  // the text elements of one scattergeo trace, in the trace's order
    var texts = [];
    Array.prototype.forEach.call(gd.querySelectorAll(".scattergeo.trace"), function (group) {
      var data = group.__data__ && group.__data__[0];
      if (data && data.trace && data.trace.index === index) {
        Array.prototype.push.apply(texts, group.querySelectorAll("text"));
      }
    });
    return texts;
  }
  function overlaps(a, b) {
    return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  }
  /* The map's own box (plotly clips the map to its domain): a name cut at its edge is hidden. */
  function mapFrame(gd) {
    var figure = gd.getBoundingClientRect(), layout = gd._fullLayout, size = layout && layout._size;
    var domain = layout && layout.geo && layout.geo.domain;
    if (!size || !domain) { return figure; }
    return {
      left: figure.left + size.l + domain.x[0] * size.w, right: figure.left + size.l + domain.x[1] * size.w,
      top: figure.top + size.t + (1 - domain.y[1]) * size.h, bottom: figure.top + size.t + (1 - domain.y[0]) * size.h
    };
  }
  function declutter(gd) {
    var fixed = Array.prototype.slice.call(gd.querySelectorAll(".colorbar text, .annotation-text"));
    var kept = traceTexts(gd, POINTS_TRACE).concat(fixed).map(function (p) { return p.getBoundingClientRect(); });
    var marks = gd.data && gd.data[MARKS_TRACE] ? gd.data[MARKS_TRACE].locations || [] : [];
    var ids = gd.data && gd.data[LABELS_TRACE] ? gd.data[LABELS_TRACE].customdata || [] : [];
    var labels = traceTexts(gd, LABELS_TRACE).map(function (point, i) {
      return { point: point, first: marks.indexOf(ids[i]) !== -1, order: i };
    });
    labels.sort(function (a, b) { return (b.first - a.first) || (a.order - b.order); });
    labels = labels.map(function (label) { return label.point; });
    var frame = mapFrame(gd);
    labels.forEach(function (point) {
      point.style.opacity = "";
      var box = point.getBoundingClientRect();
      var outside = box.left < frame.left || box.right > frame.right || box.top < frame.top || box.bottom > frame.bottom;
      if (outside || kept.some(function (other) { return overlaps(box, other); })) { point.style.opacity = "0"; }
      else { kept.push(box); }
    });
  }
  function watchMaps() {
    MAP_GRAPHS.forEach(function (id) {
      var gd = document.querySelector("#" + id + ".js-plotly-plot, #" + id + " .js-plotly-plot");
      if (!gd || !gd.on || gd.__declutter) { return; }
      gd.__declutter = true;
      gd.on("plotly_afterplot", function () { declutter(gd); });
      declutter(gd);
    });
  }
  new MutationObserver(function () { watchMaps(); }).observe(document.documentElement, { childList: true, subtree: true });

  /* ---------------------------------------------------------------- presenter mode and its keys */
  var NEXT = ["PageDown", "ArrowRight", "ArrowDown", " ", "Spacebar", "Enter"];
  var PREVIOUS = ["PageUp", "ArrowLeft", "ArrowUp", "Backspace"];

  function sceneNumber() { var n = parseInt(params().get("scene") || "1", 10); return isNaN(n) ? 1 : n; }
  function sceneCount() {
    var element = document.getElementById("scene-position");
    var match = element && element.textContent.match(/\/\s*(\d+)/);
    return match ? parseInt(match[1], 10) : 1;
  }
  function language() {
    return params().get("lang") || document.documentElement.lang || "en";
  }
  /* Change the URL without reloading; dcc.Location hears the event and the router follows. */
  function navigate(query) {
    var search = query.toString();
    window.history.pushState({}, "", window.location.pathname + (search ? "?" + search : ""));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }
  function goTo(number) {
    var target = Math.min(Math.max(number, 1), sceneCount());
    if (presenting() && target === sceneNumber()) { return; }
    var query = new URLSearchParams({ present: "1", scene: String(target), lang: language() });
    navigate(query);
  }
  /* Back to the dashboard on the scene's view: #leave-query holds that view's full query, so one
     history entry is added and Back returns to the scene. */
  function leave() {
    if (document.fullscreenElement) { quietly(document.exitFullscreen()); }
    var element = document.getElementById("leave-query");
    var query = element ? element.textContent.replace(/^\?/, "") : "";
    navigate(new URLSearchParams(query));
  }
  function toggleFullScreen() {
    if (document.fullscreenElement) { quietly(document.exitFullscreen()); }
    else if (document.documentElement.requestFullscreen) { quietly(document.documentElement.requestFullscreen()); }
  }
  var TEXT_INPUTS = ["text", "search", "number", "email", "url", "tel", "password"];
  /* Keys typed into a text field or a dropdown belong to it, not to the presenter. */
  function isTyping(target) {
    if (!target) { return false; }
    if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName)) { return true; }
    if (target.tagName === "INPUT" && TEXT_INPUTS.indexOf((target.type || "text").toLowerCase()) !== -1) {
      return true;
    }
    return Boolean(target.closest && target.closest(".dash-dropdown, .dash-dropdown-options, .dash-options-list"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented) { return; }
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) { return; }
    var key = event.key;
    if (!presenting()) {
      if (key === "p" || key === "P") { event.preventDefault(); goTo(1); }
      return;
    }
    var actions = {
      Home: function () { goTo(1); }, End: function () { goTo(sceneCount()); }, Escape: leave,
      f: toggleFullScreen, F: toggleFullScreen
    };
    if (NEXT.indexOf(key) !== -1) { actions[key] = function () { goTo(sceneNumber() + 1); }; }
    if (PREVIOUS.indexOf(key) !== -1) { actions[key] = function () { goTo(sceneNumber() - 1); }; }
    if (actions[key]) { event.preventDefault(); actions[key](); }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-action]") : null;
    if (!button) { return; }
    var action = button.getAttribute("data-action");
    if (button.blur) { button.blur(); }  // so that a clicker's Enter or space is not a second click
    if (action === "present") { goTo(1); }
    else if (action === "next") { goTo(sceneNumber() + 1); }
    else if (action === "previous") { goTo(sceneNumber() - 1); }
    else if (action === "leave") { leave(); }
  });
})();
