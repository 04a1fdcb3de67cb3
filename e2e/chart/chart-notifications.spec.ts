import { ChartHub, find, startChartHub } from './chart.harness';

// The notifications controller's chart objects: what its ServiceAccount may do.

let hub: ChartHub;
beforeAll(async () => (hub = await startChartHub()));
afterAll(() => hub?.stop());

describe('notifications controller', () => {
  it('may create Events, to report a notification that failed for good on its Application', async () => {
    const role = find(await hub.template('argocd', []), 'Role', 'argocd-notifications-controller');
    expect(role.rules).toEqual(expect.arrayContaining([{ apiGroups: [''], resources: ['events'], verbs: ['create'] }]));
  });
});
