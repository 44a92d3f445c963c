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
          return [true, noUpdate, PLAY, year];
        }
        var years = frames.years;
        if (years.indexOf(year) === -1 || year === years[years.length - 1]) {
          var first = years[0];
          return [false, first, applyUpdates(figure, frames.frames[String(first)]), PAUSE, noUpdate];
        }
        return [false, noUpdate, noUpdate, PAUSE, noUpdate];
      },
      /* One frame: next year on the slider and on the map; stop (and commit) at the last year. */
      tick: function (n, frames, year, figure, indicator) {
        var noUpdate = window.dash_clientside.no_update;
        if (!frames || !frames.years || frames.indicator !== indicator) {
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
  function leave() {
    if (document.fullscreenElement) { quietly(document.exitFullscreen()); }
    navigate(new URLSearchParams({ scene: String(sceneNumber()) }));
  }
  function toggleFullScreen() {
    if (document.fullscreenElement) { quietly(document.exitFullscreen()); }
    else if (document.documentElement.requestFullscreen) { quietly(document.documentElement.requestFullscreen()); }
  }
  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) { return; }
    var key = event.key;
    if (!presenting()) {
      if (key === "p" || key === "P") { event.preventDefault(); goTo(1); }
      return;
    }
    if (event.target && event.target.tagName === "BUTTON" && (key === "Enter" || key === " ")) { return; }
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
    if (action === "present") { goTo(1); }
    else if (action === "next") { goTo(sceneNumber() + 1); }
    else if (action === "previous") { goTo(sceneNumber() - 1); }
    else if (action === "leave") { leave(); }
  });
})();
