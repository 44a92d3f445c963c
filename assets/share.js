/* Taking a view out of the dashboard (see dashboard/layout/share.py): copy its link, copy its
   citation, save a chart or the map as PNG or SVG. No server, no other host: the images are drawn
   by the page's own plotly from the figure on screen, with the data date added to its source line. */
(function () {
  "use strict";
  var SLIDE = { width: 1920, height: 1080, scale: 4 / 3 };  // drawn at 1440 x 810, so that 1920 x 1080 is exact

  function status(bar, text) {
    var element = bar && bar.querySelector(".share-status");
    if (element) { element.textContent = text; }
  }

  /* The clipboard, where the browser offers it (HTTPS or localhost); else a rejected promise. */
  function toClipboard(text) {
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text);
    }
    return Promise.reject(new Error("no clipboard"));
  }

  /* Where the clipboard is unavailable: the link in a text box, selected, to copy by hand. */
  function showLink(bar, button, text) {
    var box = document.getElementById("share-fallback"), field = document.getElementById("share-link");
    if (!box || !field) { return; }
    box.hidden = false;
    field.value = text;
    field.focus();
    field.select();
    field.setSelectionRange(0, text.length);
    status(bar, button.getAttribute("data-manual"));
  }

  function fillUrls() {
    Array.prototype.forEach.call(document.querySelectorAll(".cite-url"), function (span) {
      span.textContent = window.location.href;
    });
  }

  function share(button) {
    var bar = button.closest(".share-bar");
    fillUrls();
    var text = button.getAttribute("data-share") === "link"
      ? window.location.href : (document.getElementById("cite-text") || {}).textContent || "";
    toClipboard(text).then(function () {
      status(bar, button.getAttribute("data-done"));
    }, function () {
      if (button.getAttribute("data-share") === "link") { showLink(bar, button, text); return; }
      var cite = document.getElementById("cite-text"), range = document.createRange();
      range.selectNodeContents(cite);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      status(bar, button.getAttribute("data-manual"));
    });
  }

  /* ---------------------------------------------------------------- images */
  function plotOf(graph) {
    return document.querySelector("#" + graph + ".js-plotly-plot, #" + graph + " .js-plotly-plot");
  }
  function visible(graph) {
    var gd = plotOf(graph);
    if (!gd || !gd.data) { return false; }
    var box = gd.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(gd).visibility !== "hidden";
  }
  function dataDate() {
    var element = document.getElementById("data-as-of");
    return element ? element.textContent.trim() : "";
  }

  /* The figure on screen, with the data date on its source line (added when it has none). */
  function figureFor(gd) {
    var data = JSON.parse(JSON.stringify(gd.data));
    var layout = JSON.parse(JSON.stringify(gd.layout));
    var notes = layout.annotations = layout.annotations || [];
    var source = notes.filter(function (note) { return note.name === "source-line"; })[0];
    var date = dataDate();
    if (source && date && source.text.indexOf(date) === -1) { source.text += " · " + date; }
    if (!source && date) {
      notes.push({ text: date, name: "source-line", showarrow: false, xref: "paper", yref: "paper",
        x: 0, y: 0, xanchor: "left", yanchor: "top", yshift: -30, font: { size: 11 } });
    }
    return { data: data, layout: layout, config: { topojsonURL: (gd._context || {}).topojsonURL } };
  }

  /* A data: URL of graph ``graph`` as ``format`` (png | svg), at the size shown or at slide size. */
  function image(graph, format, size) {
    var gd = plotOf(graph);
    if (!gd || !gd.data) { return Promise.reject(new Error("no figure")); }
    var shown = gd._fullLayout || {};
    if (size === "slide") {  // a PNG slide is drawn a third larger, so that its type reads on a slide
      var scale = format === "png" ? SLIDE.scale : 1;
      return window.Plotly.toImage(figureFor(gd), {
        format: format, width: Math.round(SLIDE.width / scale), height: Math.round(SLIDE.height / scale), scale: scale
      });
    }
    var width = Math.round(shown.width || gd.clientWidth), height = Math.round(shown.height || gd.clientHeight);
    return window.Plotly.toImage(figureFor(gd), { format: format, width: width, height: height });
  }

  function save(button) {
    var graph = button.getAttribute("data-graph"), format = button.getAttribute("data-image");
    var size = button.getAttribute("data-size");
    var holder = button.closest("[data-lang]"), lang = holder ? holder.getAttribute("data-lang") : "";
    image(graph, format, size).then(function (url) {
      var link = document.createElement("a");
      link.href = url;
      link.download = ["khatlon", graph, lang, size].filter(Boolean).join("-") + "." + format;
      document.body.appendChild(link);
      link.click();
      link.remove();
    }, function () { /* nothing on screen to save */ });
  }

  /* The menu lists only the graphs on screen. */
  function listVisible(menu) {
    Array.prototype.forEach.call(menu.querySelectorAll(".image-row"), function (row) {
      row.hidden = !visible(row.getAttribute("data-graph"));
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var button = target && target.closest("button[data-share], button[data-image]");
    if (!button) { return; }
    if (button.hasAttribute("data-share")) { share(button); } else { save(button); }
  });
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.classList || !menu.open) { return; }
    if (menu.classList.contains("cite-box")) { fillUrls(); }
    if (menu.classList.contains("image-menu")) { listVisible(menu); }
  }, true);

  window.khatlonShare = { image: image, figureFor: figureFor };
})();
