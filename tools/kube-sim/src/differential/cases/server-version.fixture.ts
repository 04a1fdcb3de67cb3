import { DifferentialCase } from '../differential-case';
import { expectOk } from '../observation.harness';

// The recording is of one minor version; kube-sim must be started as that version for the rest to compare.
export const serverVersionCase: DifferentialCase = {
  name: 'the server reports the recorded minor version',
  async observe(t) {
    const v = expectOk(await t.request('GET', '/version'), 'GET /version');
    return { major: v.major, minor: String(v.minor).replace(/\D+$/, '') };
  },
};
