import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';
import { scratch, shimDirectory } from './cli.js';

/** The first fenced block after `marker` in docs/batch.md. */
function exampleAfter(marker: string): string {
  const doc = readFileSync(`${ROOT}docs/batch.md`, 'utf8');
  const at = doc.indexOf(marker);
  expect(at, `docs/batch.md has no "${marker}"`).toBeGreaterThanOrEqual(0);
  const block = /```sh\n([\s\S]*?)```/.exec(doc.slice(at));
  if (block === null) throw new Error(`docs/batch.md has no sh block after "${marker}"`);
  return block[1]!;
}

describe('the sharding examples of docs/batch.md', () => {
  it('runs the GNU parallel example for real: merged shards equal the unsharded batch', () => {
    const script = exampleAfter('runs this block as it is');
    expect(script).toMatch(/^parallel /m);
    const dir = scratch('parallel');
    const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${shimDirectory()}:${process.env.PATH}` },
      timeout: 120_000,
    });
    expect(result.status, `${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('merged shards = unsharded batch');
    const merged = JSON.parse(readFileSync(`${dir}/merged.json`, 'utf8'));
    expect(merged).toMatchObject({ runs: 2000, seed: 7, scenario: { id: 'niger-2024' } });
  });

  it('gives a Kubernetes Indexed Job whose pods run shards 1..N of N, N being its completion count', () => {
    const manifest = parse(readFileSync(`${ROOT}examples/kubernetes/sweep-indexed-job.yaml`, 'utf8'));
    expect(manifest).toMatchObject({ apiVersion: 'batch/v1', kind: 'Job', spec: { completionMode: 'Indexed' } });
    const { completions, parallelism, template } = manifest.spec;
    const [container] = template.spec.containers;
    const command: string = container.args[0];
    const shard = /--shard \$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/(\d+)/.exec(command);
    expect(shard).not.toBeNull();
    expect(Number(shard![1])).toBe(completions);
    expect(parallelism).toBeLessThanOrEqual(completions);
    // What each pod's shell would run, for every index the Job gives.
    for (let index = 0; index < completions; index += 1) {
      const echo = spawnSync('sh', ['-c', `echo "$((JOB_COMPLETION_INDEX + 1))/${completions}"`], { env: { JOB_COMPLETION_INDEX: String(index) }, encoding: 'utf8' });
      expect(echo.stdout.trim()).toBe(`${index + 1}/${completions}`);
    }
    expect(command).toMatch(/^sandtable sweep niger-2024 --set /);
    expect(command).toMatch(/&& mv \/results\/\.shard-\$JOB_COMPLETION_INDEX\.json \/results\/shard-\$JOB_COMPLETION_INDEX\.json$/);
  });
});
