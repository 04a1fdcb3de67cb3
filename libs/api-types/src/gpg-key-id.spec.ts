import { longKeyId } from './gpg-key-id';

describe('longKeyId', () => {
  it.each([
    ['4AEE18F83AFDEB23', '4AEE18F83AFDEB23'],
    ['4aee18f83afdeb23', '4AEE18F83AFDEB23'],
    ['0x4AEE18F83AFDEB23', '4AEE18F83AFDEB23'],
    ['5DE3E0509C47EA3CF04A42D34AEE18F83AFDEB23', '4AEE18F83AFDEB23'],
    ['3AFDEB23', undefined],
    ['4AEE18F83AFDEB2Z', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => expect(longKeyId(input)).toBe(expected));
});
