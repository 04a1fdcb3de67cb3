import { maskSecretData, SECRET_MASK } from './secret-mask';

describe('maskSecretData', () => {
  it('hides every Secret value and leaves other kinds alone', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: 'c2VjcmV0' }, stringData: { b: 'plain' } };
    expect(maskSecretData(secret)).toEqual({ ...secret, data: { a: SECRET_MASK }, stringData: { b: SECRET_MASK } });
    expect(secret.data.a).toBe('c2VjcmV0');
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'visible' } };
    expect(maskSecretData(cm)).toEqual(cm);
  });
});
