import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder, REPO_ROOT } from './source-files';

/**
 * Every relative link in the README, docs/ and the libraries', apps', tools' and suites'
 * READMEs points at a file of this repository (never outside it), and a `#fragment` into a
 * markdown file names one of its headings.
 */
const isMarkdown = (name: string): boolean => name.endsWith('.md');
const isReadme = (name: string): boolean => name === 'README.md';

function documents(): string[] {
  return [
    'README.md',
    ...filesUnder('docs', isMarkdown),
    ...['apps', 'libs', 'tools', 'test', 'examples', 'data'].flatMap((folder) =>
      filesUnder(folder, isReadme),
    ),
  ];
}

/** The text outside fenced code blocks and inline code, where links are links. */
function proseOf(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** `[text](target)` targets, without a title. */
export function linkTargets(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1],
  );
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const headings = proseOf(markdown.replace(/`/g, '')).match(/^#{1,6}\s+.*$/gm) ?? [];
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const heading of headings) {
    const base = headingAnchor(heading.replace(/^#+\s+/, ''));
    const count = seen.get(base) ?? 0;
    anchors.add(count === 0 ? base : `${base}-${count}`);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** What is wrong with one link of `file`, or null when it resolves. */
function linkProblem(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // http:, https:, mailto:
  const [path, fragment] = target.split('#', 2);
  const resolved =
    path === '' ? join(REPO_ROOT, file) : resolve(REPO_ROOT, dirname(file), decodeURI(path));
  const inRepo = relative(REPO_ROOT, resolved);
  if (inRepo.startsWith('..')) return `${file}: ${target} points outside the repository`;
  if (!existsSync(resolved)) return `${file}: ${target} does not exist`;
  if (fragment && statSync(resolved).isFile() && resolved.endsWith('.md')) {
    if (!anchorsOf(readFileSync(resolved, 'utf8')).has(fragment.toLowerCase())) {
      return `${file}: ${target} names no heading of ${inRepo}`;
    }
  }
  return null;
}

describe('markdown links', () => {
  it('reads link targets and heading anchors as GitHub does', () => {
    expect(linkTargets('see [a](docs/a.md#x) and `[b](not/a/link)` [c](c.md "title")')).toEqual([
      'docs/a.md#x',
      'c.md',
    ]);
    expect(headingAnchor('Metered Supplies — product specification')).toBe(
      'metered-supplies--product-specification',
    );
    expect(headingAnchor('FerretDB 1.24: what was verified')).toBe(
      'ferretdb-124-what-was-verified',
    );
  });

  it('resolve to files of this repository and headings that exist', () => {
    const problems = documents().flatMap((file) =>
      linkTargets(readFileSync(join(REPO_ROOT, file), 'utf8'))
        .map((target) => linkProblem(file, target))
        .filter((problem): problem is string => problem !== null),
    );
    expect(problems).toEqual([]);
  });
});
