/**
 * `npm run bench:profile -- <file.cpuprofile>…`: prints where each V8 CPU profile spent its
 * busy time (top functions and packages). Take profiles with
 * `STACK_CPU_PROFILE_DIR=/tmp/prof npm run stack -- restart ordering`, run `npm run bench`
 * (BENCH_STACK=running), then `npm run stack -- stop ordering` (the profile is written on exit).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CpuProfile, summariseCpuProfile } from './cpu-profile-summary';

const pct = (value: number) => `${value.toFixed(1).padStart(5)}%`;

for (const file of process.argv.slice(2)) {
  const summary = summariseCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  console.log(
    `\n${basename(file)}: ${summary.durationS.toFixed(0)} s, idle ${summary.idlePercent.toFixed(1)}%`,
  );
  console.log('  busy time by package:');
  for (const share of summary.packages) console.log(`  ${pct(share.percent)}  ${share.name}`);
  console.log('  busy time by function (self):');
  for (const share of summary.functions) console.log(`  ${pct(share.percent)}  ${share.name}`);
}
