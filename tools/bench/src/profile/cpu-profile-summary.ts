/**
 * Where a V8 CPU profile (`node --cpu-prof`, see STACK_CPU_PROFILE_DIR) spent its samples:
 * self time per function and per package, for the README's performance notes.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  startTime: number;
  endTime: number;
}

export interface ProfileShare {
  name: string;
  percent: number;
}

export interface ProfileSummary {
  durationS: number;
  /** Share of samples where the process was idle (waiting for I/O). */
  idlePercent: number;
  functions: ProfileShare[];
  packages: ProfileShare[];
}

/** `node_modules/<package>` (scoped too), `node:internal` for Node itself, else `app`. */
export function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1];
  if (url.startsWith('node:') || url === '') return 'node';
  return 'app';
}

/** `bson/lib/bson.cjs` for a package file, the last two path parts for others. */
function shortLocation(url: string): string {
  const inPackage = url.split('node_modules/');
  if (inPackage.length > 1) return inPackage[inPackage.length - 1];
  return url.split('/').slice(-2).join('/');
}

const SPECIAL = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

export function summariseCpuProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += hits;
      continue;
    }
    const name = SPECIAL.has(functionName)
      ? functionName
      : `${functionName || '(anonymous)'} ${shortLocation(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hits);
    const pkg = SPECIAL.has(functionName) ? functionName : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const busy = total - idle;
  const shares = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, hits]) => ({ name, percent: busy > 0 ? (100 * hits) / busy : 0 }));
  return {
    durationS: (profile.endTime - profile.startTime) / 1e6,
    idlePercent: total > 0 ? (100 * idle) / total : 0,
    functions: shares(byFunction),
    packages: shares(byPackage),
  };
}
