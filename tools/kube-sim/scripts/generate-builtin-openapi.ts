// Regenerates tools/kube-sim/openapi/builtin-definitions.json from kubernetes-types (shapes and
// descriptions) and openapi/upstream-field-facts.json (see scripts/extract-upstream-field-facts.ts).
// Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/kube-sim/scripts/generate-builtin-openapi.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBuiltinDefinitions } from '../src/schema/builtin-definitions.generator';

const out = join(__dirname, '../openapi/builtin-definitions.json');
const result = generateBuiltinDefinitions();
writeFileSync(out, JSON.stringify(result) + '\n');
process.stdout.write(`${Object.keys(result.definitions).length} definitions from ${result.source} → ${out}\n`);
