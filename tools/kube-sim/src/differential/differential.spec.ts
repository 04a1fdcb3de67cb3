import { join } from 'node:path';
import { KubeSim, startKubeSim } from '../kube-sim';
import { DiffTarget, DiffTargetClient } from './diff-target.harness';
import { differentialCases } from './differential-cases';
import { loadDifferentialConfig } from './differential.config';
import { RecordedObservationsStore } from './recorded-observations.store';

// kube-sim against a real Kubernetes API server (project issue 16). Every case runs against kube-sim and
// must equal what the real server answered when recorded; with FLOTILLA_REAL_KUBECONFIG set (npm run
// diff:real) it also runs against the real server, which must still answer as recorded, and with
// FLOTILLA_DIFF_RECORD=1 as well, the real answers become the new recording.
const REAL_MINOR = '1.20';
const config = loadDifferentialConfig();
const store = new RecordedObservationsStore(join(__dirname, 'recorded', `real-${REAL_MINOR}.json`));
const recording = store.load();

let sim: KubeSim;
let simTarget: DiffTarget;
let realTarget: DiffTarget | undefined;

beforeAll(async () => {
  // The recording is of one minor; kube-sim behaves as that minor, version-dependent texts included.
  sim = await startKubeSim({ name: 'differential', kubeVersion: REAL_MINOR, timing: { podStartMs: 500 } });
  simTarget = new DiffTargetClient('kube-sim', {
    url: sim.url,
    caPem: Buffer.from(sim.caData, 'base64').toString(),
    token: sim.adminToken,
  });
  if (!config.real) return;
  realTarget = new DiffTargetClient('real', config.real.access);
  const version = (await realTarget.request('GET', '/version')).json;
  const minor = `${version?.major}.${String(version?.minor).replace(/\D+$/, '')}`;
  if (minor !== REAL_MINOR)
    throw new Error(`${config.real.kubeconfigPath} reaches Kubernetes ${minor}; this recording is of ${REAL_MINOR}`);
  if (config.record) recording.server = version.gitVersion;
});

afterAll(async () => {
  await sim?.stop();
  // Cases left out of this run (jest -t) keep their recording; cases no longer in the table lose theirs.
  if (config.record)
    store.save(
      recording,
      differentialCases.map((c) => c.name),
    );
});

const withReal = config.real ? it : it.skip;

for (const c of differentialCases) {
  describe(c.name, () => {
    withReal(
      config.record ? 'records the real server' : 'the real server still answers as recorded',
      async () => {
        const seen = await c.observe(realTarget!);
        if (config.record) recording.observations[c.name] = seen;
        else expect(seen).toEqual(recording.observations[c.name]);
      },
      c.timeoutMs,
    );

    const simIt = c.kubeSimDiffers ? it.failing : it;
    simIt(
      `kube-sim answers as the real ${REAL_MINOR} server${c.kubeSimDiffers ? ` (not yet: ${c.kubeSimDiffers})` : ''}`,
      async () => {
        const expected = recording.observations[c.name];
        if (expected === undefined)
          throw new Error(`no recording of "${c.name}" in ${store.path}: run FLOTILLA_DIFF_RECORD=1 npm run diff:real`);
        expect(await c.observe(simTarget)).toEqual(expected);
      },
      c.timeoutMs,
    );
  });
}
