import {
  credentialFromAuthorization,
  issueCredential,
  parseCredential,
  secretMatches,
} from './agent-credential';

describe('agent credentials', () => {
  const agentId = '4b0c7a52-5d7e-4a43-9a57-0c1f3f1f2a10';

  it('issues a credential that parses back to its agent and matches its stored hash', () => {
    const { credential, secretHash } = issueCredential(agentId);
    const parsed = parseCredential(credential);
    expect(parsed?.agentId).toBe(agentId);
    expect(secretMatches(parsed!.secret, secretHash)).toBe(true);
    expect(credential).not.toContain(secretHash);
  });

  it('refuses another secret, and anything that is not a credential', () => {
    const { secretHash } = issueCredential(agentId);
    const other = parseCredential(issueCredential(agentId).credential)!;
    expect(secretMatches(other.secret, secretHash)).toBe(false);
    expect(parseCredential('mdca_nope')).toBeUndefined();
    expect(parseCredential(`mdca_${agentId}_short`)).toBeUndefined();
    expect(parseCredential(undefined)).toBeUndefined();
  });

  it('reads the credential from an Agent authorization header only', () => {
    expect(credentialFromAuthorization('Agent abc')).toBe('abc');
    expect(credentialFromAuthorization('Bearer abc')).toBeUndefined();
  });
});
