import { topicConfigFor } from './topic-admin';

describe('topicConfigFor', () => {
  it('asks two in-sync copies of a topic replicated three times or more', () => {
    expect(topicConfigFor(3)).toEqual([{ name: 'min.insync.replicas', value: '2' }]);
    expect(topicConfigFor(5)).toEqual([{ name: 'min.insync.replicas', value: '2' }]);
  });

  it('keeps the broker default below three copies (a broker down must not stop writes)', () => {
    expect(topicConfigFor(1)).toEqual([]);
    expect(topicConfigFor(2)).toEqual([]);
  });
});
