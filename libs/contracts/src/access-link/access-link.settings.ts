import type { SettingDeclaration } from '@metered/service-kit/config';

/**
 * The key settings of the sealed one-time links, declared by identity (seals) and
 * notifications (opens) — and by no other app: the deployment tests check that only these two
 * get the key.
 */
export const ACCESS_LINK_KEY_SETTINGS: readonly SettingDeclaration[] = [
  {
    name: 'ACCESS_LINK_KEY',
    kind: 'secret',
    requirement: 'outside-development',
    alternatives: ['ACCESS_LINK_KEY_FILE'],
    description:
      'the AES-256 key (32 bytes, base64) of the one-time links identity seals for notifications (from a Secret)',
  },
  {
    name: 'ACCESS_LINK_KEY_FILE',
    kind: 'text',
    requirement: 'optional',
    description: 'path of a mounted file holding ACCESS_LINK_KEY',
  },
  {
    name: 'ACCESS_LINK_PREVIOUS_KEYS',
    kind: 'secret',
    requirement: 'optional',
    alternatives: ['ACCESS_LINK_PREVIOUS_KEYS_FILE'],
    description:
      'earlier access-link keys (comma separated) still accepted while a rotation drains',
  },
  {
    name: 'ACCESS_LINK_PREVIOUS_KEYS_FILE',
    kind: 'text',
    requirement: 'optional',
    description: 'path of a mounted file holding ACCESS_LINK_PREVIOUS_KEYS',
  },
];
