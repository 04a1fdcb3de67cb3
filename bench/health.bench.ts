// Health evaluations per second on 10,000 objects, for a built-in check (Deployment) and for a Lua
// check (argocd-cm resource.customizations.health.* through the fengari sandbox with the Lua 5.1 layer),
// the memory one script's Lua state holds, and the first evaluation's cost in a fresh process.
// Run: npm run -s bench:health
import { performance } from 'node:perf_hooks';
import type { KubeObject } from '@flotilla/api-types';
import * as engine from '../libs/engine/src';
import { newSandbox } from '../libs/engine/src/health/lua/lua-sandbox';

const OBJECTS = 10_000;

const LUA_CHECK = `
local hs = { status = "Progressing", message = "Waiting for the certificate" }
if obj.status ~= nil and obj.status.conditions ~= nil then
  for i, condition in ipairs(obj.status.conditions) do
    if condition.type == "Ready" and condition.status == "False" then
      hs.status = "Degraded"
      hs.message = condition.message
      return hs
    end
    if condition.type == "Ready" and condition.status == "True" then
      hs.status = "Healthy"
      hs.message = "Ready for " .. (obj.status.notAfter or "ever") .. ", renewals: " .. tostring(obj.status.renewals / 2)
      return hs
    end
  end
end
return hs
`;

function deployment(i: number): KubeObject {
  const ready = i % 10 !== 0;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `web-${i}`, namespace: 'default', generation: 3 },
    spec: { replicas: 3 },
    status: {
      observedGeneration: 3,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: ready ? 3 : 2,
      availableReplicas: ready ? 3 : 2,
      conditions: [{ type: 'Available', status: ready ? 'True' : 'False', reason: 'MinimumReplicasAvailable' }],
    },
  };
}

function certificate(i: number): KubeObject {
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name: `cert-${i}`, namespace: 'default' },
    spec: { secretName: `cert-${i}`, dnsNames: [`a${i}.example.com`, `b${i}.example.com`] },
    status: {
      notAfter: '2027-01-01T00:00:00Z',
      renewals: i,
      conditions: [
        { type: 'Issuing', status: 'False' },
        { type: 'Ready', status: i % 7 === 0 ? 'False' : 'True', message: 'Certificate is up to date and has not expired' },
      ],
    },
  };
}

function rate(label: string, objects: KubeObject[], assess: (o: KubeObject) => unknown): void {
  for (let i = 0; i < 500; i++) assess(objects[i]); // warm up
  const start = performance.now();
  for (const o of objects) assess(o);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(34)} ${Math.round((objects.length / ms) * 1000).toLocaleString('en-US').padStart(9)} evaluations/s  (${objects.length} objects in ${ms.toFixed(0)} ms)`);
}

function heapUsed(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed;
}

function main(): void {
  const { customizations } = engine.parseResourceCustomizations({ 'resource.customizations.health.cert-manager.io_Certificate': LUA_CHECK });
  const first = certificate(1);
  const firstStart = performance.now();
  engine.assessResourceHealth(first, { customizations });
  const firstMs = performance.now() - firstStart;
  console.log(`cold start: first Lua evaluation in this process ${firstMs.toFixed(1)} ms`);

  const deployments = Array.from({ length: OBJECTS }, (_, i) => deployment(i));
  const certificates = Array.from({ length: OBJECTS }, (_, i) => certificate(i));
  rate('built-in check (Deployment)', deployments, (o) => engine.assessResourceHealth(o));
  rate('Lua check (Certificate)', certificates, (o) => engine.assessResourceHealth(o, { customizations }));
  rate('Lua check, open libraries', certificates, (o) => engine.luaHealth(LUA_CHECK, o, { useOpenLibs: true }));

  if (!global.gc) {
    console.log('memory per script: run with node --expose-gc to measure');
    return;
  }
  for (const useOpenLibs of [false, true]) {
    const keep: unknown[] = [];
    const before = heapUsed();
    for (let i = 0; i < 200; i++) keep.push(newSandbox({ useOpenLibs, instructionLimit: 1_000_000 }));
    const per = (heapUsed() - before) / keep.length;
    console.log(`memory per script's Lua state (${useOpenLibs ? 'open libraries' : 'safe libraries'}): ${(per / 1024).toFixed(1)} KiB`);
  }
}

main();
