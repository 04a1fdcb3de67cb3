import { loadAppSetControllerConfig } from './appset-controller.config';

describe('appset-controller config: sharing the ApplicationSets between replicas', () => {
  it('splits them into 64 partitions leased for 15 s unless told otherwise', () => {
    const config = loadAppSetControllerConfig({});
    expect({ partitions: config.partitions, leaseMs: config.leaseMs }).toEqual({ partitions: 64, leaseMs: 15_000 });
    expect(loadAppSetControllerConfig({ FLOTILLA_APPSET_PARTITIONS: '1', FLOTILLA_APPSET_LEASE_SECONDS: '5' })).toMatchObject({ partitions: 1, leaseMs: 5000 });
  });

  it.each([
    ['0', 'must be at least 1'],
    ['4097', 'must be at most 4096'],
    ['2.5', 'must be a whole number of partitions'],
    ['many', 'must be a number of partitions'],
  ])('refuses FLOTILLA_APPSET_PARTITIONS=%s, naming the variable', (value, message) => {
    expect(() => loadAppSetControllerConfig({ FLOTILLA_APPSET_PARTITIONS: value })).toThrow(`FLOTILLA_APPSET_PARTITIONS: ${message}`);
  });
});
