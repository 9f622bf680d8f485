// Prints the Graph schemas the conformance tests check the demo tenant against, as extracted from
// Microsoft's published types installed from npm: `npx tsx scripts/graph-schemas.ts [TypeName…]`.
import { loadGraphSchemas } from '../demo-tenant/conformance/graph-schemas';

const schemas = loadGraphSchemas();
const wanted = process.argv.slice(2);
const types = wanted.length
  ? Object.fromEntries(Object.entries(schemas.types).filter(([name]) => wanted.includes(name)))
  : schemas.types;
console.log(JSON.stringify({ ...schemas, types }, null, 2));
