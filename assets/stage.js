/* Khatlon Migration Dashboard: the presenter's stage (assets/dashboard.js calls these).

   A step through the storyboard should only change what is visible. So: no graph is redrawn to
   the size it already has; cards keep their place and size in every scene (assets/presenter.css);
   while the first scene shows, the next map, ranking and chart are drawn ahead into their
   invisible cards, each chart once off screen, and the Sources panel is built. */
(function () {
  "use strict";
  function quietly(promise) { if (promise && promise.catch) { promise.catch(function () {}); } }

  /* Before the first step, put the Sources panel on the hidden stage: a long table for React to
     build (about 300 ms on a small laptop), built once instead of at the step that shows it. */
  var panelShown = null, panelHost = null;
  function setPanel(panel) {
    var host = document.getElementById("stage-panel");
    if (!panel || (panel === panelShown && host === panelHost)) { return; }
    window.dash_clientside.set_props("stage-panel", { children: panel });
    panelShown = panel;
    panelHost = host;
  }
  /* Each chart drawn once off screen at the stage's size: plotly's first drawing of a kind of chart
     (its code, its text measurements) is the slow one; the steps then draw what plotly has seen. */
  function warmUp(figures, stage) {
    var graph = document.querySelector("#stage .js-plotly-plot");
    if (!figures.length || !graph || !graph._context) { return; }
    var scratch = document.createElement("div");
    scratch.setAttribute("aria-hidden", "true");
    scratch.style.cssText = "position:fixed;left:-10000px;top:0;visibility:hidden;width:" + stage.clientWidth +
      "px;height:" + stage.clientHeight + "px";
    document.body.appendChild(scratch);
    var config = { topojsonURL: graph._context.topojsonURL, staticPlot: true };
    (function next(index) {
      if (index >= figures.length) { window.Plotly.purge(scratch); scratch.remove(); return; }
      var figure = figures[index], go = function () { setTimeout(function () { next(index + 1); }, 0); };
      quietly(window.Plotly.react(scratch, figure.data, figure.layout, config).then(go, go));
    })(0);
  }
  function prepareScenes(cache) {
    var scenes = Object.keys(cache.scenes).map(function (number) { return cache.scenes[number]; });
    var withPanel = scenes.filter(function (scene) { return scene.panel; })[0];
    if (withPanel && !document.querySelector("#stage.stage-panel")) { setPanel(withPanel.panel); }
    // the first map and the first chart of the storyboard, drawn ahead into their (invisible) cards
    var stage = document.getElementById("stage");
    if (!stage || !window.matchMedia("(min-width: 701px)").matches) { return; }
    var now = parseInt(new URLSearchParams(window.location.search).get("scene"), 10) || 1;
    var numbers = Object.keys(cache.scenes).map(Number).sort(function (a, b) { return a - b; });
    var ahead = numbers.filter(function (n) { return n > now; }).concat(numbers.filter(function (n) { return n <= now; }));
    warmUp(scenes.map(function (scene) { return scene.chart; }).filter(Boolean), stage);
    [["map", "stage-map"], ["map", "stage-ranking", "ranking"], ["chart", "stage-chart"]].forEach(function (item) {
      if (stage.className.indexOf("stage-" + item[0]) !== -1) { return; }  // shown now: leave it
      var part = item[2] || item[0];
      var next = ahead.filter(function (n) { return cache.scenes[n][part]; })[0];
      if (next !== undefined) { window.dash_clientside.set_props(item[1], { figure: cache.scenes[next][part] }); }
    });
  }

  /* ---------------------------------------------------------------- no redraw for an unchanged size */
  /* dcc.Graph redraws a graph (Plotly.Plots.resize, a full relayout: about 120 ms on a small laptop)
     whenever its container's box changes, hidden graphs included: every presenter scene step redrew
     all three stage graphs. A graph that is hidden (drawn when it shows) or already drawn at its
     container's size is left alone; any other resize goes through. */
  function skipUselessResizes() {
    var plots = window.Plotly && window.Plotly.Plots;
    if (!plots || plots.resize.khatlon) { return; }
    var resize = plots.resize;
    plots.resize = function (gd) {
      var element = typeof gd === "string" ? document.getElementById(gd) : gd;
      var layout = element && element._fullLayout;
      if (layout && getComputedStyle(element).visibility === "hidden") {
        return Promise.resolve(element);  // a stage card not in this scene: fitted when it shows
      }
      if (layout) {
        var width = element.clientWidth, height = element.clientHeight;
        if (!width || !height ||
            (Math.abs(layout.width - width) <= 1 && Math.abs(layout.height - height) <= 1)) {
          return Promise.resolve(element);
        }
      }
      return resize.apply(this, arguments);
    };
    plots.resize.khatlon = true;
    plots.resize.always = resize;
  }
  /* A stage card that shows again (the stage's class changed): redrawn only if its size changed. */
  var stageWatcher = window.MutationObserver ? new MutationObserver(function () {
    var resize = window.Plotly && window.Plotly.Plots.resize.always;
    document.querySelectorAll("#stage .stage-card .js-plotly-plot").forEach(function (gd) {
      var layout = gd._fullLayout;
      if (!resize || !layout || !gd.clientWidth || getComputedStyle(gd).visibility === "hidden") { return; }
      if (Math.abs(layout.width - gd.clientWidth) > 1 || Math.abs(layout.height - gd.clientHeight) > 1) {
        quietly(resize(gd));
      }
    });
  }) : null;
  var watchedStage = null;
  function watchStage() {  // on load and after the page is drawn again in another language
    var stage = document.getElementById("stage");
    if (!stageWatcher || !stage || stage === watchedStage) { return; }
    stageWatcher.disconnect();
    stageWatcher.observe(stage, { attributes: true, attributeFilter: ["class"] });
    watchedStage = stage;
  }

  window.khatlonStage = {
    prepare: prepareScenes, showPanel: setPanel, skipUselessResizes: skipUselessResizes, watch: watchStage
  };
})();
