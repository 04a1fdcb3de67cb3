import { builtinResources } from '../registry/builtin-resources';
import { admissionKey } from './admission';
import { builtinAdmission } from './builtin-admission';

describe('builtinAdmission', () => {
  it('keys every entry by a kind the cluster serves', () => {
    const served = new Set(builtinResources().map(admissionKey));
    const keys = Object.keys(builtinAdmission());
    expect(keys.filter((k) => !served.has(k))).toEqual([]);
    expect(keys).toEqual(expect.arrayContaining(['/Pod', '/Service', 'apps/Deployment', 'batch/Job', 'apiextensions.k8s.io/CustomResourceDefinition']));
  });
});
