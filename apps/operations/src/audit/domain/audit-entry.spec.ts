import { decodeAuditCursor, encodeAuditCursor } from './audit-entry';

describe('audit cursor', () => {
  it('reads back the position it wrote', () => {
    const cursor = { at: new Date('2026-11-27T08:00:00.123Z'), auditId: 'a1b2' };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
  });

  it('refuses text it did not issue', () => {
    expect(decodeAuditCursor('not-a-cursor')).toBeUndefined();
    expect(decodeAuditCursor(Buffer.from('yesterday|x').toString('base64url'))).toBeUndefined();
    expect(decodeAuditCursor('')).toBeUndefined();
  });
});
