import type { Database } from '../db/database.js';

export interface ShapeCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: { code: string; name_en: string; name_vi: string | null; name_ar: string | null };
    geometry: unknown;
  }[];
}

/**
 * The outlines of the units of a level that existed on a date, as GeoJSON for maps. Units without
 * an outline are left out; the client says which units it could not draw.
 */
export async function unitShapes(
  database: Database,
  level: string,
  at: string,
): Promise<ShapeCollection> {
  const { rows } = await database.query<{
    code: string;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
    geometry: unknown;
  }>(
    `select code, name_en, name_vi, name_ar, geometry from units
      where level = $1 and geometry is not null
        and valid_from <= $2 and (valid_to is null or valid_to >= $2)
      order by code`,
    [level, at],
  );
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...properties }) => ({
      type: 'Feature',
      id: properties.code,
      properties,
      geometry,
    })),
  };
}
