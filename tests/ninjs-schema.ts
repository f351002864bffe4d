/**
 * IPTC's ninjs 2.2 JSON Schema, from the standards folder beside the repository, compiled once for
 * the tests (unit and end-to-end) that check what Dateline sends out.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const SCHEMA_FILE = path.join(__dirname, '../../shared/standards/ninjs/ninjs-schema_2.2.json');
const GEOJSON_REF = 'https://geojson.org/schema/GeoJSON.json#';

/** The schema with its one remote `$ref` (GeoJSON, for places) accepting anything: no network here. */
function offlineSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(offlineSchema);
  if (typeof node !== 'object' || node === null) return node;
  if ((node as { $ref?: unknown }).$ref === GEOJSON_REF) return {};
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, offlineSchema(value)]));
}

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

export const validateNinjs = ajv.compile(offlineSchema(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'))) as object);

/** The schema's complaints about an item, as readable lines; empty when it is valid ninjs 2.2. */
export function ninjsProblems(item: unknown): string[] {
  validateNinjs(item);
  return (validateNinjs.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}
