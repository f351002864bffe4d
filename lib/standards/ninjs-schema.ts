/**
 * IPTC's ninjs 2.2 JSON Schema (lib/standards/ninjs-schema_2.2.json, © IPTC, CC BY 4.0 as the file
 * itself states; copied unchanged from github.com/iptc/newsinjson), compiled once: wire ingest
 * checks every ninjs item against it before reading it, and the tests check what Dateline sends out.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from './ninjs-schema_2.2.json';

const GEOJSON_REF = 'https://geojson.org/schema/GeoJSON.json#';

/** The schema with its one remote `$ref` (GeoJSON, for places) accepting anything: no network is reached for it. */
function offlineSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(offlineSchema);
  if (typeof node !== 'object' || node === null) return node;
  if ((node as { $ref?: unknown }).$ref === GEOJSON_REF) return {};
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, offlineSchema(value)]));
}

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);

export const validateNinjs = ajv.compile(offlineSchema(schema) as object);

/** The schema's complaints about an item, as readable lines; empty when it is valid ninjs 2.2. */
export function ninjsProblems(item: unknown): string[] {
  validateNinjs(item);
  const lines = (validateNinjs.errors ?? []).map((error) => {
    const { unevaluatedProperty, additionalProperty } = error.params as { unevaluatedProperty?: string; additionalProperty?: string };
    const property = unevaluatedProperty ?? additionalProperty;
    return `${error.instancePath || '/'} ${error.message ?? ''}${property ? ` (“${property}”)` : ''}`;
  });
  return [...new Set(lines)];
}
