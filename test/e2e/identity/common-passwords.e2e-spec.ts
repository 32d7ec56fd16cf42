/**
 * Passwords from the shipped list of commonly used and breached passwords (NIST SP 800-63B)
 * are refused wherever a password is chosen — the set-password link and the reset link — with
 * a clear reason on `password`, also when only the case, trailing digits and symbols or
 * letter-for-symbol swaps differ; the link stays usable for a good password.
 */
import {
  createStaffUser,
  GOOD_PASSWORD,
  mailedToken,
  signInWorld,
  SignInWorld,
  uniqueEmail,
} from './sign-in.helpers';

/** All of them pass the length and character-class rules. */
const COMMON = [
  'Password1234',
  'QWERTY123456!',
  'P@ssw0rd-2026!',
  'Iloveyou2024!',
  '1q2w3e4r5t6y7u8i',
];

type Errors = { errors: { field: string; reason: string }[] };

describe('common passwords (real stack, through the gateway)', () => {
  let world: SignInWorld;

  beforeAll(async () => {
    world = await signInWorld();
  }, 600000);

  async function refusals(path: string, token: string): Promise<string[]> {
    const wrong: string[] = [];
    for (const password of COMMON) {
      const answer = await world.gateway.call<Errors>(path, { body: { token, password } });
      const reasons = answer.body?.errors?.filter((error) => error.field === 'password') ?? [];
      if (answer.status !== 400 || !reasons.some((error) => /common/i.test(error.reason))) {
        wrong.push(`${password}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
    }
    return wrong;
  }

  it('refuses them on set-password and on reset, and the link still takes a good one', async () => {
    const user = await createStaffUser(world, uniqueEmail('common'));
    const setup = await mailedToken(world, user.email, '/set-password');
    expect(await refusals('/api/auth/password/setup', setup)).toEqual([]);
    await world.gateway.expect(204, '/api/auth/password/setup', {
      body: { token: setup, password: GOOD_PASSWORD },
    });

    await world.gateway.expect(202, '/api/auth/password/forgot', { body: { email: user.email } });
    const reset = await mailedToken(world, user.email, '/reset-password');
    expect(await refusals('/api/auth/password/reset', reset)).toEqual([]);
    await world.gateway.expect(204, '/api/auth/password/reset', {
      body: { token: reset, password: 'Cyan-Toner-Carton-2026' },
    });
  });
});
