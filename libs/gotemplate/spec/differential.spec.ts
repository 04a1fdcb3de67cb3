// The differential corpus: Go (the oracle) and @flotilla/gotemplate must agree byte for byte.
import { buildOracle, normalise, runOracle, runOurs } from './oracle.harness';
import { corpus } from './corpus.fixture';

describe('gotemplate differential corpus (Go text/template + Sprig v3 oracle)', () => {
  it('renders every corpus case exactly as Go does', () => {
    const cases = corpus();
    const want = runOracle(buildOracle(), cases);
    const diffs: string[] = [];
    cases.forEach((c, i) => {
      const ours = JSON.stringify(normalise(runOurs(c), c));
      const go = JSON.stringify(normalise(want[i], c));
      if (ours !== go) diffs.push(`${JSON.stringify(c.text)}\n  go: ${go}\n  ts: ${ours}`);
    });
    console.log(`gotemplate corpus: ${cases.length} cases, ${diffs.length} differences`);
    expect(diffs).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
