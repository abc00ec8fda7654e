// Prepares the portal's world map: Natural Earth 1:110m country outlines (world-atlas, public domain), projected once
// with d3-geo's Equal Earth projection centred on the Pacific (Seoul near the middle), simplified, quantized to whole
// units and written as one SVG path per country. The app draws the map from this file and never projects outlines
// at run time; it projects only city points, with the parameters written here (and checked against d3 by a test).
//
//   cd tools/geo && npm ci && node prepare-map.mjs
//
// Output: src/SeoulPolicyPortal.Web/Features/Graphics/world-map.json (committed; CI never runs this script).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { geoEqualEarth, geoPath } from 'd3-geo';
import isoCountries from 'i18n-iso-countries';

const here = path.dirname(fileURLToPath(import.meta.url));
const output = path.resolve(here, '../../src/SeoulPolicyPortal.Web/Features/Graphics/world-map.json');

// Map units: the SVG viewBox is WIDTH wide; coordinates are rounded to whole units (about 20 km at the equator).
const WIDTH = 2000;
// Centre meridian 150°E: the Pacific in the middle, as Korean world maps draw it; the cut runs through the Atlantic.
const ROTATE = -150;
// Share of the 110m data's points that survive simplification (by triangle area, topology preserved).
const KEEP = 0.8;
// Rings smaller than this many square units are dropped, unless they are a country's largest.
const MIN_RING_AREA = 1.5;

const atlas = JSON.parse(fs.readFileSync(path.join(here, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
const weighted = presimplify(atlas);
const simplified = simplify(weighted, quantile(weighted, KEEP));
const features = topojson.feature(simplified, simplified.objects.countries).features
  // Antarctica has no partner and would take a fifth of the height.
  .filter(f => f.id !== '010');

const projection = geoEqualEarth().rotate([ROTATE, 0]).precision(0)
  .fitWidth(WIDTH, { type: 'FeatureCollection', features });
const [[, y0], [, y1]] = geoPath(projection).bounds({ type: 'FeatureCollection', features });
// Shift so that the top edge is at 0 and the height is a whole number.
const [tx, ty] = projection.translate();
projection.translate([tx, ty - y0]);
const height = Math.ceil(y1 - y0);

function rings(feature) {
  const result = [];
  let ring = null;
  const context = {
    moveTo(x, y) { ring = [[x, y]]; result.push(ring); },
    lineTo(x, y) { ring.push([x, y]); },
    closePath() { ring = null; },
    arc() { throw new Error('points are not drawn'); },
  };
  geoPath(projection, context)(feature);
  return result;
}

function quantize(ring, step = 1) {
  const points = [];
  for (const [x, y] of ring) {
    const p = [+(Math.round(x / step) * step).toFixed(1), +(Math.round(y / step) * step).toFixed(1)];
    const last = points[points.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
  }
  if (points.length > 1) {
    const first = points[0], last = points[points.length - 1];
    if (first[0] === last[0] && first[1] === last[1]) points.pop();
  }
  return points;
}

const area = ring => Math.abs(ring.reduce((sum, [x, y], i) => {
  const [nx, ny] = ring[(i + 1) % ring.length];
  return sum + x * ny - nx * y;
}, 0)) / 2;

// Relative moves keep the numbers short: "M812,301l3,-2l4,1z" becomes "M812 301l3-2 4 1z".
function pathData(list) {
  let d = '';
  for (const ring of list) {
    d += `M${ring[0][0]} ${ring[0][1]}l`;
    let [px, py] = ring[0];
    const parts = [];
    for (const [x, y] of ring.slice(1)) {
      parts.push(`${+(x - px).toFixed(1)} ${+(y - py).toFixed(1)}`);
      px = x; py = y;
    }
    d += parts.join(' ').replace(/ -/g, '-') + 'z';
  }
  return d;
}

const box = ring => {
  const xs = ring.map(p => p[0]), ys = ring.map(p => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

const countries = [];
const others = [];
for (const feature of features) {
  const raw = rings(feature);
  let all = raw.map(r => quantize(r)).filter(r => r.length >= 3);
  // A country of small islands (Fiji) can vanish at whole units: it keeps its rings at a tenth of a unit.
  if (all.length === 0) all = raw.map(r => quantize(r, 0.1)).filter(r => r.length >= 3);
  if (all.length === 0) throw new Error(`${feature.properties.name} vanished in simplification`);
  const largest = all.reduce((a, b) => (area(b) > area(a) ? b : a));
  const kept = all.filter(r => r === largest || area(r) >= MIN_RING_AREA);
  const code = feature.id === undefined ? undefined : isoCountries.numericToAlpha2(feature.id);
  if (!code) {
    // Kosovo, Northern Cyprus, Somaliland: drawn as land, never linked (no ISO 3166-1 code).
    others.push(...kept);
    continue;
  }
  countries.push({ code, name: feature.properties.name, box: box(largest), d: pathData(kept) });
}
countries.sort((a, b) => a.code.localeCompare(b.code));

// Points d3 projects, for the app's test of its own projection of city markers.
const checks = [[126.978, 37.5665], [2.3488, 48.8534], [-77.0369, 38.9072], [-46.6361, -23.5475], [174.7762, -41.2865], [-30.5, 0], [31.2357, 30.0444]]
  .map(([lon, lat]) => { const [x, y] = projection([lon, lat]); return [lon, lat, +x.toFixed(3), +y.toFixed(3)]; });

const asset = {
  source: 'Natural Earth 1:110m Cultural Vectors (admin 0 countries), via the world-atlas npm package 2.0.2',
  licence: 'Natural Earth: public domain',
  width: WIDTH,
  height,
  projection: { name: 'equalEarth', rotate: ROTATE, scale: +projection.scale().toFixed(6), translate: projection.translate().map(v => +v.toFixed(6)) },
  checks,
  others: pathData(others),
  countries,
};
const json = JSON.stringify(asset);
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, json + '\n');

const svgBytes = countries.reduce((n, c) => n + c.d.length, 0) + asset.others.length;
console.log(`${countries.length} countries, ${WIDTH}x${height}; path data ${svgBytes} B, ` +
  `gzip ${zlib.gzipSync(countries.map(c => c.d).join('') + asset.others).length} B, ` +
  `brotli ${zlib.brotliCompressSync(countries.map(c => c.d).join('') + asset.others).length} B; wrote ${path.relative(process.cwd(), output)}`);
