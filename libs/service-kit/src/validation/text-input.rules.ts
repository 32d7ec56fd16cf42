/**
 * What a text value from a client may contain. The database refuses NUL (a 500 before this
 * rule); other C0 controls have no place in a name, a serial or a search; and the
 * bidirectional overrides and isolates make a name or an address display otherwise than it
 * is stored — in emails too, where they arrived verbatim. Framework-free: the validation pipe
 * applies it to every body, query and path parameter of every service.
 */

/** C0 controls and DEL, bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SINGLE_LINE_REFUSED = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
/** The same, but tab, line feed and carriage return (CRLF line breaks) may pass. */
const MULTI_LINE_REFUSED =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;

/** The code point as people write it, e.g. U+0000. */
function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why the text is refused, or null when it may pass. */
export function textProblem(text: string, multiLine = false): string | null {
  const found = (multiLine ? MULTI_LINE_REFUSED : SINGLE_LINE_REFUSED).exec(text)?.[0];
  if (found === undefined) return null;
  const position = `found ${codePoint(found)}`;
  if (BIDI.test(found)) {
    return `must not contain bidirectional override or isolate characters (${position})`;
  }
  return multiLine
    ? `must not contain control characters other than tabs and line breaks (${position})`
    : `must not contain control characters such as NUL, tabs or line breaks (${position})`;
}
