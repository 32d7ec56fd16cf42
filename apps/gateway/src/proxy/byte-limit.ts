import { Transform, TransformCallback } from 'node:stream';

/**
 * Passes bytes through until more than `maxBytes` went by, then swallows the rest and emits
 * `overflow` once — so a body without (or with a false) Content-Length is still capped.
 */
export class ByteLimit extends Transform {
  private seen = 0;
  private overflowed = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.seen += chunk.length;
    if (this.overflowed) return callback();
    if (this.seen > this.maxBytes) {
      this.overflowed = true;
      this.emit('overflow');
      return callback();
    }
    callback(null, chunk);
  }
}
