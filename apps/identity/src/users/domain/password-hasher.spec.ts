import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct-Horse-42');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('correct-Horse-42', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct-Horse-43', stored)).resolves.toBe(false);
  });

  it('salts each hash, so one password hashes differently twice', async () => {
    expect(await hashPassword('same-Password-1')).not.toBe(await hashPassword('same-Password-1'));
  });

  it('refuses anything that is not one of its hashes', async () => {
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$1$1$1$AA==$AA==')).resolves.toBe(false);
  });

  it('has a decoy hash that no guess matches', async () => {
    await expect(verifyPassword('', await decoyPasswordHash())).resolves.toBe(false);
  });
});
