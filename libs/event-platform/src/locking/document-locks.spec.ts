import { mongo } from 'mongoose';
import { DocumentLocks } from './document-locks';

describe('DocumentLocks.lockId', () => {
  it('names a lock by collection, id type and id', () => {
    expect(DocumentLocks.lockId('orders', 'o-1')).toBe('orders:string:o-1');
    expect(DocumentLocks.lockId('orders', 1)).toBe('orders:number:1');
  });

  it('keeps a string id and a number id with the same text apart', () => {
    expect(DocumentLocks.lockId('orders', '1')).not.toBe(DocumentLocks.lockId('orders', 1));
  });

  it('uses the hex form of an ObjectId', () => {
    const id = new mongo.ObjectId('65a1b2c3d4e5f60718293a4b');
    expect(DocumentLocks.lockId('orders', id)).toBe('orders:object:65a1b2c3d4e5f60718293a4b');
  });
});
