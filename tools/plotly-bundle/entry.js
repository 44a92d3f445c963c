'use strict';

// Entry of the dashboard's partial plotly.js bundle (built by build.mjs into
// assets/plotly-khatlon.min.js). This file is the single list of what goes in: build.mjs reads
// the trace and locale requires below to write the bundle header and assets/plotly-khatlon.json,
// and tests/figures/test_plotly_bundle.py checks the figure builders only emit those traces.
// To add a trace type: add `require('plotly.js/lib/<type>')` to the traces list, run
// `make plotly-bundle`, and commit the rebuilt assets.

// Core: plot API, cartesian axes, the components (legend, colorbar, annotations, shapes,
// modebar...), the en/en-US locales, and the scatter trace.
var Plotly = require('plotly.js/lib/core');

// Traces (scatter is in core).
Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/choropleth'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/scattergeo')
]);

// Locales. plotly.js's ru separates thousands with a plain space, which lets a line break fall
// inside a number; use a no-break space as in tg.
var ru = require('plotly.js/lib/locales/ru');
var tg = require('./locales/tg');

Plotly.register([
    ru,
    tg
]);
ru.format.thousands = '\u00a0';

// dcc.Graph uses window.Plotly when it exists instead of loading the full plotly.min.js.
window.Plotly = Plotly;
