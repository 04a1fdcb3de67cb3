import { startKubeSim } from '@flotilla/kube-sim';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeTls } from './tls.probe';

describe('probeTls', () => {
  it('tells a plaintext server from a TLS one', async () => {
    const plain = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
    try {
      await expect(probeTls(`127.0.0.1:${(plain.address() as AddressInfo).port}`)).resolves.toEqual({ tls: false });
    } finally {
      plain.close();
    }
  });

  it('reports a certificate the system does not trust', async () => {
    const sim = await startKubeSim({ name: 'tls-probe' });
    try {
      const result = await probeTls(sim.url.replace('https://', ''));
      expect(result).toMatchObject({ tls: true, certificateError: 'certificate signed by unknown authority (SELF_SIGNED_CERT_IN_CHAIN)' });
    } finally {
      await sim.stop();
    }
  });

  it('says when nothing listens', async () => {
    await expect(probeTls('127.0.0.1:1')).resolves.toEqual({ unreachable: expect.stringContaining('ECONNREFUSED') });
  });
});
