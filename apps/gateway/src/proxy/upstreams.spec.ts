import { upstreamsOf, UpstreamRotation } from './upstreams';

describe('upstreamsOf', () => {
  it('reads the comma-separated replica list, else the one service URL', () => {
    expect(
      upstreamsOf('ordering', {
        ORDERING_UPSTREAMS: 'http://127.0.0.1:3003, http://127.0.0.1:3053,',
        ORDERING_URL: 'http://elsewhere:1',
      }),
    ).toEqual(['http://127.0.0.1:3003', 'http://127.0.0.1:3053']);
    expect(upstreamsOf('ordering', { ORDERING_URL: 'http://ordering:3003' })).toEqual([
      'http://ordering:3003',
    ]);
    expect(upstreamsOf('ordering', { ORDERING_PORT: '3503' })).toEqual(['http://127.0.0.1:3503']);
  });
});

describe('UpstreamRotation', () => {
  it('starts each request one replica further and lists the others as fallbacks', () => {
    const rotation = new UpstreamRotation(['a', 'b', 'c']);
    expect(rotation.order()).toEqual(['a', 'b', 'c']);
    expect(rotation.order()).toEqual(['b', 'c', 'a']);
    expect(rotation.order()).toEqual(['c', 'a', 'b']);
    expect(rotation.order()).toEqual(['a', 'b', 'c']);
    expect(new UpstreamRotation(['only']).order()).toEqual(['only']);
  });
});
