/* Khatlon Migration Dashboard: clientside callbacks (Play) and the presenter's keys.
 * No inline scripts: this file is served from /assets, so the Content-Security-Policy stays strict.
 */
(function () {
  "use strict";
  var PLAY = "\u25B6";  // ▶
  var PAUSE = "\u275A\u275A";  // ❚❚

  /* Apply [path, value] pairs (from figures.map.map_updates) to a copy of a figure. */
  function applyUpdates(figure, updates) {
    var copy = JSON.parse(JSON.stringify(figure));
    updates.forEach(function (pair) {
      var path = pair[0], node = copy;
      for (var i = 0; i < path.length - 1; i++) {
        if (node[path[i]] === undefined || node[path[i]] === null) { node[path[i]] = {}; }
        node = node[path[i]];
      }
      node[path[path.length - 1]] = pair[1];
    });
    return copy;
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    khatlon: {
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

  /* ---------------------------------------------------------------- presenter mode and its keys */
  var NEXT = ["PageDown", "ArrowRight", "ArrowDown", " ", "Spacebar", "Enter"];
  var PREVIOUS = ["PageUp", "ArrowLeft", "ArrowUp", "Backspace"];

  function params() { return new URLSearchParams(window.location.search); }
  function presenting() { return params().get("present") === "1"; }
  function sceneNumber() { var n = parseInt(params().get("scene") || "1", 10); return isNaN(n) ? 1 : n; }
  function sceneCount() {
    var element = document.getElementById("scene-position");
    var match = element && element.textContent.match(/\/\s*(\d+)/);
    return match ? parseInt(match[1], 10) : 1;
  }
  /* Change the URL without reloading; dcc.Location hears the event and the view follows. */
  function navigate(query) {
    var search = query.toString();
    window.history.pushState({}, "", window.location.pathname + (search ? "?" + search : ""));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }
  function goTo(number) {
    var target = Math.min(Math.max(number, 1), sceneCount());
    if (presenting() && target === sceneNumber()) { return; }
    navigate(new URLSearchParams({ present: "1", scene: String(target) }));
  }
  function quietly(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }
  /* Back to the dashboard on the scene's view: the server writes that view's full query into
     #leave-query, so one history entry is added and Back returns to the scene. */
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
    return Boolean(target.closest && target.closest(".dash-dropdown, .dash-dropdown-options, .dash-options-list, .ag-root-wrapper"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
      return;
    }
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
