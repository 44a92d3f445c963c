/* Layout checks run in the page (tests/browser/test_layout.py): what a person would see as broken.
 * Returns a list of problems, each a short sentence naming the element.
 *
 * 1. the page is no wider than the window;
 * 2. no text is clipped: an element whose content is wider or taller than its box while its
 *    overflow hides the rest (titles, notes, labels, buttons, badges, tab labels, table cells);
 * 3. inside each figure, no two texts overlap (tick labels, titles, legends, annotations, colour
 *    bars, bar and map labels), every text lies inside the figure and every map name inside the map;
 * 4. no figure covers the plot area of another.
 */
(function () {
  "use strict";
  var problems = [];
  var SLACK = 1.5;  // px: sub-pixel rounding

  function visible(element) {
    if (!element || !element.getClientRects().length) { return false; }
    var style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) {
      return false;
    }
    var rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  }
  function name(element) {
    var text = (element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40);
    var id = element.id ? "#" + element.id : "";
    var cls = typeof element.className === "string" && element.className ? "." + element.className.split(" ")[0] : "";
    return element.tagName.toLowerCase() + id + cls + (text ? " '" + text + "'" : "");
  }
  /* The glyphs of an SVG text, not its line box: the box includes ascent, descent and line gap. */
  function glyphs(rect) {
    var trim = rect.height * 0.18;
    return { left: rect.left, right: rect.right, top: rect.top + trim, bottom: rect.bottom - trim,
      width: rect.width, height: rect.height - 2 * trim };
  }
  function overlap(a, b) {
    var x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    var y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return x > SLACK && y > SLACK ? x * y : 0;
  }

  /* 1. no sideways scrolling */
  var width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + SLACK) {
    problems.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + width + " px window");
  }

  /* 2. clipped text */
  var candidates = document.querySelectorAll(
    "h1, h2, h3, h4, p, label, button, .badge, .tab, .data-status, .scene-title, .scene-note, .scene-position, " +
    ".indicator-note, .data-as-of, .tagline, .notice, td, th, .dash-dropdown-value, .dash-dropdown-trigger, " +
    ".map-hint, .table-caption, .table-count, dt, dd, li"
  );
  candidates.forEach(function (element) {
    if (!visible(element) || element.closest(".js-plotly-plot") || element.closest(".dash-dropdown-content")) { return; }
    var style = getComputedStyle(element);
    var hides = /hidden|clip|auto|scroll/.test(style.overflowX + style.overflowY) || style.textOverflow === "ellipsis";
    if (!hides || element.closest(".table-scroll")) { return; }
    if (element.scrollWidth > element.clientWidth + SLACK || element.scrollHeight > element.clientHeight + SLACK) {
      problems.push("clipped text: " + name(element) + " (" + element.scrollWidth + "x" + element.scrollHeight +
        " in " + element.clientWidth + "x" + element.clientHeight + ")");
    }
  });
  /* text running out of the window on the right (e.g. a long word that does not wrap) */
  document.querySelectorAll(".scene-title, .scene-note, .data-status, h1, .badge, .tab, label").forEach(function (element) {
    if (!visible(element) || element.closest(".js-plotly-plot")) { return; }
    var rect = element.getBoundingClientRect();
    if (rect.right > width + SLACK || rect.left < -SLACK) {
      problems.push("outside the window: " + name(element));
    }
  });

  /* content running out of its card (it would hide under the next card) */
  document.querySelectorAll(".card").forEach(function (card) {
    if (!visible(card)) { return; }
    var bottom = card.getBoundingClientRect().bottom;
    [].forEach.call(card.children, function (child) {
      if (visible(child) && child.getBoundingClientRect().bottom > bottom + SLACK) {
        problems.push("runs out of its card: " + name(child));
      }
    });
  });

  /* plotly clips a map to its domain: the box a name on the map must lie in */
  function mapBox(plot, box) {
    var layout = plot._fullLayout, size = layout && layout._size, domain = layout && layout.geo && layout.geo.domain;
    if (!size || !domain) { return null; }
    return { left: box.left + size.l + domain.x[0] * size.w, right: box.left + size.l + domain.x[1] * size.w,
             top: box.top + size.t + (1 - domain.y[1]) * size.h, bottom: box.top + size.t + (1 - domain.y[0]) * size.h };
  }

  /* 3. texts inside each figure */
  var TEXT = ".xtick text, .ytick text, .g-gtitle text, .gtitle, .g-xtitle text, .g-ytitle text, " +
    ".annotation, .legendtext, .legendtitletext, .cbtitle text, .cbaxis text, .textpoint text, " +
    ".scatterlayer .textpoint, .geolayer text";
  document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
    if (!visible(plot)) { return; }
    var box = plot.getBoundingClientRect();
    var map = mapBox(plot, box);
    var graph = plot.closest(".dash-graph") || plot;
    var label = "#" + (graph.id || plot.id || "figure");
    var texts = [];
    plot.querySelectorAll(TEXT).forEach(function (element) {
      if (element.closest(".hoverlayer") || element.closest(".modebar")) { return; }
      var content = (element.textContent || "").trim();
      if (!content) { return; }
      var rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) { return; }
      var style = getComputedStyle(element);
      if (style.visibility === "hidden" || style.display === "none" || style.opacity === "0") { return; }
      var group = element.closest(".annotation") ? "annotation:" + [].indexOf.call(plot.querySelectorAll(".annotation"), element.closest(".annotation")) :
        element.closest(".xtick") ? "xtick" : element.closest(".ytick") ? "ytick" : element.closest(".cbaxis") ? "cbaxis" :
        element.closest(".legend") ? "legend" : element.closest(".gtitle, .g-gtitle") ? "title" : "text";
      var inner = glyphs(rect);
      if (inner.left < box.left - SLACK || inner.right > box.right + SLACK || inner.top < box.top - SLACK ||
          inner.bottom > box.bottom + SLACK) {
        problems.push(label + ": text outside the figure: '" + content.slice(0, 40) + "'");
      } else if (map && element.closest(".geolayer") && (inner.left < map.left - SLACK || inner.right > map.right + SLACK ||
                 inner.top < map.top - SLACK || inner.bottom > map.bottom + SLACK)) {
        problems.push(label + ": a name cut at the map's edge: '" + content.slice(0, 40) + "'");
      }
      var lines = element.querySelectorAll("tspan.line");  /* a multi-line text: each line has its own box */
      if (lines.length > 1) {
        lines.forEach(function (line) {
          var text = (line.textContent || "").trim(), box = line.getBoundingClientRect();
          if (text && box.width >= 1) { texts.push({ rect: glyphs(box), content: text, group: group, element: line }); }
        });
        return;
      }
      texts.push({ rect: glyphs(rect), content: content, group: group, element: element });
    });
    for (var i = 0; i < texts.length; i++) {
      for (var j = i + 1; j < texts.length; j++) {
        var a = texts[i], b = texts[j];
        if (a.group === b.group && a.group.indexOf("annotation") === 0) { continue; }  // lines of one annotation
        if (a.element.contains(b.element) || b.element.contains(a.element)) { continue; }
        var area = overlap(a.rect, b.rect);
        var smaller = Math.min(a.rect.width * a.rect.height, b.rect.width * b.rect.height);
        if (area > 0.08 * smaller) {
          problems.push(label + ": '" + a.content.slice(0, 30) + "' overlaps '" + b.content.slice(0, 30) + "'");
        }
      }
    }
  });

  /* 4. figures do not cover each other */
  var plots = [].filter.call(document.querySelectorAll(".js-plotly-plot"), visible);
  for (var p = 0; p < plots.length; p++) {
    for (var q = p + 1; q < plots.length; q++) {
      if (overlap(plots[p].getBoundingClientRect(), plots[q].getBoundingClientRect()) > 4) {
        problems.push("figures overlap: " + name(plots[p].parentNode) + " and " + name(plots[q].parentNode));
      }
    }
  }
  return problems;
})();
