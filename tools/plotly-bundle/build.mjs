// Builds the dashboard's partial plotly.js bundle: assets/plotly-khatlon.min.js, its manifest
// assets/plotly-khatlon.json (plotly.js version, traces, locales, bundled packages) and the licence
// texts of everything in it, assets/plotly-khatlon.LICENSES.txt. Run from the repository root with
// `make plotly-bundle` (= cd tools/plotly-bundle && npm ci && node build.mjs).
//
// The esbuild settings mirror plotly.js's own (node_modules/plotly.js/esbuild-config.js and its
// tasks/bundle scripts): IIFE, target es2016, `global` -> window, AMD detection off, and the
// compress-attributes transform that strips the attribute descriptions from the bundle. The
// plugins plotly.js adds for GLSL shaders and inline CSS are only needed by the WebGL and
// MapLibre traces, which this bundle leaves out; the build fails if such a file is reached.
//
// Output is reproducible: same lockfile + same esbuild = byte-identical files (no timestamps,
// no absolute paths).

import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const ENTRY = join(HERE, 'entry.js');
const OUT_JS = join(ROOT, 'assets', 'plotly-khatlon.min.js');
const OUT_MANIFEST = join(ROOT, 'assets', 'plotly-khatlon.json');
const OUT_LICENSES = join(ROOT, 'assets', 'plotly-khatlon.LICENSES.txt');
const PLOTLY_DIR = join(HERE, 'node_modules', 'plotly.js');

const require = createRequire(import.meta.url);
const plotlyVersion = require('plotly.js/package.json').version;
const pinned = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8')).dependencies['plotly.js'];
if (pinned !== plotlyVersion) {
    throw new Error(`package.json pins plotly.js ${pinned} but node_modules has ${plotlyVersion}: run npm ci`);
}

// What the entry registers, read from its require() calls (comments stripped first).
const entrySource = readFileSync(ENTRY, 'utf8').replace(/\/\/.*$/gm, '');
const requires = [...entrySource.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1]);
const traces = ['scatter']; // in core
const locales = [];
for (const path of requires) {
    if (path === 'plotly.js/lib/core') continue;
    if (path.startsWith('plotly.js/lib/locales/') || path.startsWith('./locales/')) {
        locales.push(require(path.startsWith('.') ? join(HERE, path) : path).name);
    } else if (/^plotly\.js\/lib\/[a-z0-9]+$/.test(path)) {
        traces.push(path.split('/').pop());
    } else {
        throw new Error(`entry.js requires ${path}: not a plotly.js trace or locale`);
    }
}
traces.sort();
locales.sort();

// plotly.js's strip-meta-attributes esbuild plugin (its tasks/compress_attributes.js, same
// regular expressions): drops `description`, `requiredOpts`, `otherOpts`, `role` and `hrName`
// meta from the attribute definitions. Unlike plotly.js's build it only touches plotly.js's own
// files, not the third-party code.
const WHITESPACE_BEFORE = '\\s*';
const OPTIONAL_COMMA = ',?';
const makeRegex = (regexStr) => new RegExp(WHITESPACE_BEFORE + regexStr + OPTIONAL_COMMA, 'g');
const makeStringRegex = (attr) => makeRegex(`${attr}: '.*'`);
const makeJoinedArrayRegex = (attr) => makeRegex(`${attr}: \\[[\\s\\S]*?\\]\\.join\\([\\s\\S]*?\\)`);
const makeArrayRegex = (attr) => makeRegex(`${attr}: \\[[\\s\\S]*?\\]`);
const META_REGEXES = [
    makeStringRegex('description'),
    makeJoinedArrayRegex('description'),
    makeArrayRegex('requiredOpts'),
    makeArrayRegex('otherOpts'),
    makeStringRegex('role'),
    makeStringRegex('hrName'),
];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// No address on the internet in the bundle: plotly.js's config defaults point at its CDN (the
// topojson for geo plots) and its cloud (the "send to cloud" button). The dashboard always passes
// its own local `topojsonURL` and has no cloud button, but the defaults are replaced too, so that
// nothing in the file could reach the internet if a config forgot them. The build fails if a
// default is not found (a new plotly.js moved it) or if any such address is left in the output.
const OFFLINE_DEFAULTS = {
    'src/plot_api/plot_config.js': { topojsonURL: '/assets/topojson/', plotlyServerURL: '' },
};
const NETWORK_ADDRESS = /https?:\/\/(cdn\.[a-z0-9.-]+|[a-z0-9.-]*cdn[a-z0-9.-]*\.[a-z]+|cloud\.plotly\.com|unpkg\.com|[a-z0-9.-]*googleapis\.com)/gi;
const offline = (path, code) => {
    const name = relative(PLOTLY_DIR, path).split(sep).join('/');
    for (const [key, local] of Object.entries(OFFLINE_DEFAULTS[name] || {})) {
        const dflt = new RegExp(`(\\n    ${key}: \\{[^}]*?dflt: )'https?://[^']*'`);
        if (!dflt.test(code)) throw new Error(`${name}: no internet default for ${key} (plotly.js changed?)`);
        code = code.replace(dflt, `$1'${local}'`);
    }
    return code;
};

const stripMetaAttributes = {
    name: 'strip-meta-attributes',
    setup(b) {
        const filter = new RegExp(`^${escapeRegex(PLOTLY_DIR)}[\\\\/].*\\.js$`);
        b.onLoad({ filter }, (args) => ({
            loader: 'js',
            contents: META_REGEXES.reduce(
                (code, regex) => code.replace(regex, ''),
                offline(args.path, readFileSync(args.path, 'utf8')),
            ),
        }));
    },
};

// registry.js requires MapLibre's stylesheet when a `map` subplot registers (plotly.js inlines it
// with esbuild-plugin-inline-css). No map trace is bundled, so that require never runs: resolve
// it to an empty module. Any other stylesheet fails the build.
const MAPLIBRE_CSS = 'maplibre-gl/dist/maplibre-gl.css';
const noMaplibreCss = {
    name: 'no-maplibre-css',
    setup(b) {
        b.onResolve({ filter: /\.css$/ }, (args) => {
            if (args.path !== MAPLIBRE_CSS) return { errors: [{ text: `unexpected stylesheet ${args.path}` }] };
            return { path: MAPLIBRE_CSS, namespace: 'unused-css' };
        });
        b.onLoad({ filter: /.*/, namespace: 'unused-css' }, () => ({ loader: 'js', contents: '' }));
    },
};

const result = await build({
    absWorkingDir: HERE,
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2016',
    platform: 'browser',
    charset: 'ascii', // \uXXXX escapes: the file works whatever charset it is served with
    legalComments: 'eof',
    sourcemap: false,
    write: false,
    metafile: true,
    logLevel: 'warning',
    define: {
        global: 'window',
        'define.amd': 'false',
        'process.env.NODE_DEBUG': 'false',
    },
    alias: { regl: '@plotly/regl' },
    plugins: [stripMetaAttributes, noMaplibreCss],
});

const inputs = Object.keys(result.metafile.inputs);
for (const trace of traces) {
    const index = `node_modules/plotly.js/src/traces/${trace}/index.js`;
    if (!inputs.includes(index)) throw new Error(`trace ${trace} is not in the bundle (${index})`);
}
const unexpected = inputs.filter(
    (p) => !p.startsWith('unused-css:') && (/\.(glsl|css|frag|vert)$/.test(p) || p.includes('maplibre-gl')),
);
if (unexpected.length) throw new Error(`bundle reached WebGL/MapLibre code: ${unexpected.join(', ')}`);

// Packages in the bundle, with their licences (the few @license comments in their sources are
// also kept, at the end of the bundle, by legalComments: 'eof').
const packages = {};
for (const path of inputs) {
    const parts = path.split('/');
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const name = parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
    const dir = join(HERE, ...parts.slice(0, at + 1), ...name.split('/'));
    const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    let license = meta.license || meta.licenses || 'UNKNOWN';
    if (typeof license === 'object') license = [].concat(license).map((l) => l.type || l).join(' OR ');
    packages[name] = { version: meta.version, license, dir };
}
const bundledPackages = Object.fromEntries(
    Object.keys(packages)
        .sort()
        .map((n) => [n, { version: packages[n].version, license: packages[n].license }]),
);

// Their licence texts, shipped next to the bundle (BSD-3-Clause asks for the notice to travel with
// binary redistributions, and most of these packages have no @license comment esbuild would keep).
const licenseTexts = [
    `Licences of the code in ${relative(ROOT, OUT_JS).split(sep).join('/')} (plotly.js ${plotlyVersion} partial bundle).`,
    'Generated by tools/plotly-bundle/build.mjs from the packages in tools/plotly-bundle/package-lock.json.',
];
for (const [name, { version, license, dir }] of Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = readdirSync(dir)
        .filter((f) => /^licen[cs]e(\.(md|txt))?$/i.test(f))
        .sort()[0];
    const text = file
        ? readFileSync(join(dir, file), 'utf8').trim()
        : `(${name} ships no licence file; its package.json declares ${license}.)`;
    licenseTexts.push(`${'='.repeat(78)}\n${name} ${version} (${license})\n${'='.repeat(78)}\n\n${text}`);
}

// plotly.js's own licence header, exactly as in its dist files.
const distMin = readFileSync(join(PLOTLY_DIR, 'dist', 'plotly.min.js'), 'utf8');
const licenseHeader = distMin.slice(0, distMin.indexOf('*/') + 2);
if (!licenseHeader.startsWith('/**') || !licenseHeader.includes(`v${plotlyVersion}`) || !/MIT/.test(licenseHeader)) {
    throw new Error('could not read the licence header of plotly.js dist/plotly.min.js');
}

const header =
    `/* plotly.js ${plotlyVersion} partial bundle: ${traces.join(', ')}; locales ${locales.join(', ')}. ` +
    'Built by tools/plotly-bundle (make plotly-bundle). */';
const code = result.outputFiles[0].text;

// The page's Content-Security-Policy forbids eval: refuse a bundle that could call it.
const evalCalls = code.match(/(^|[^\w$.])eval\(|new Function\(/g);
if (evalCalls) throw new Error(`bundle contains eval/new Function: ${evalCalls.join(' | ')}`);

const addresses = code.match(NETWORK_ADDRESS);
if (addresses) throw new Error(`bundle contains a CDN or cloud address: ${[...new Set(addresses)].join(', ')}`);

const licensesName = relative(dirname(OUT_JS), OUT_LICENSES);
writeFileSync(OUT_JS, `${header}\n${licenseHeader}\n/* Third-party licences: ${licensesName} */\n${code}`);
writeFileSync(OUT_LICENSES, `${licenseTexts.join('\n\n')}\n`);

const manifest = {
    plotly_js_version: plotlyVersion,
    traces,
    locales,
    bundle: relative(ROOT, OUT_JS).split(sep).join('/'),
    built_with: { esbuild: esbuildVersion, target: 'es2016', format: 'iife' },
    license: `plotly.js: MIT (header at the top of the bundle); all licence texts in ${licensesName}`,
    bundled_packages: bundledPackages,
};
writeFileSync(OUT_MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);

const size = Buffer.byteLength(readFileSync(OUT_JS));
console.log(`wrote ${relative(ROOT, OUT_JS)} (${size} bytes): ${traces.join(', ')}; locales ${locales.join(', ')}`);
console.log(`wrote ${relative(ROOT, OUT_MANIFEST)} and ${relative(ROOT, OUT_LICENSES)}`);
