import { profileArgs } from './app';

describe('profileArgs', () => {
  it('adds --cpu-prof with the folder when STACK_CPU_PROFILE_DIR is set', () => {
    expect(profileArgs({ STACK_CPU_PROFILE_DIR: '/tmp/prof' })).toEqual([
      '--cpu-prof',
      '--cpu-prof-dir=/tmp/prof',
    ]);
  });

  it('adds nothing otherwise', () => {
    expect(profileArgs({})).toEqual([]);
  });
});
