// Regenerates tools/kube-sim/openapi/protobuf-fields.json: the field numbers and types of the
// Kubernetes protobuf messages kube-sim decodes (typed clients such as kubectl's send protobuf).
// The numbers are read from the `generated.proto` files of k8s.io/api and k8s.io/apimachinery:
//   node -r @swc-node/register tools/kube-sim/scripts/generate-protobuf-fields.ts <k8s.io/api dir> <k8s.io/apimachinery dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProtoFields, ProtoMessages } from '../src/protobuf/proto-fields.parser';

const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  process.stderr.write('usage: generate-protobuf-fields.ts <k8s.io/api checkout> <k8s.io/apimachinery checkout>\n');
  process.exit(2);
}
const API_GROUPS = ['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'rbac/v1', 'coordination/v1', 'autoscaling/v1', 'autoscaling/v2', 'policy/v1', 'discovery/v1', 'storage/v1', 'scheduling/v1', 'authentication/v1', 'authorization/v1'];
const MACHINERY = ['pkg/apis/meta/v1', 'pkg/api/resource', 'pkg/runtime', 'pkg/util/intstr'];

const messages: ProtoMessages = {};
for (const g of API_GROUPS) Object.assign(messages, parseProtoFields(readFileSync(join(apiDir, g, 'generated.proto'), 'utf8')));
for (const p of MACHINERY) Object.assign(messages, parseProtoFields(readFileSync(join(machineryDir, p, 'generated.proto'), 'utf8')));
const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(__dirname, '../openapi/protobuf-fields.json'), JSON.stringify(sorted) + '\n');
process.stdout.write(`${Object.keys(sorted).length} messages\n`);
