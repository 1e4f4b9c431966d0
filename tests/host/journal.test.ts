import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { current } from '../../src/engine/history.js';
import { Refusal } from '../../src/host/game.js';
import { Journal, JournalError } from '../../src/host/journal.js';
import { HostRuntime, scenarioOfStart, startEntryOf } from '../../src/host/runtime.js';
import { builtinSpec } from '../../src/scenarios/load.js';
import { loadScenario } from '../../src/scenarios/load.js';
import { injectTimeline, rolesFor } from '../../src/cli/commands/exercise.js';

// The journal as the replay source of a host: what was applied is what a
// resumed host rebuilds, a refused request leaves no line, and a line cut off
// by a crash (never acknowledged) is dropped.

const work = mkdtempSync(join(tmpdir(), 'sandtable-journal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function newRuntime(name: string): { runtime: HostRuntime; path: string; writes: string[] } {
  const scenario = loadScenario('niger-2024');
  const spec = builtinSpec('niger-2024');
  const roles = rolesFor(scenario, spec.roles, ['usa', 'russia']);
  const path = join(work, `${name}.journal.jsonl`);
  const start = startEntryOf({
    scenario, seed: 9, turns: 4, roles, injects: injectTimeline(scenario, spec.injects, null), injectFile: false, deadline: null,
    tokens: { usa: 'u'.repeat(22), russia: 'r'.repeat(22), instructor: 'i'.repeat(22), screen: 's'.repeat(22) },
    recordPath: join(work, `${name}.json`), listen: '127.0.0.1:0',
  });
  const writes: string[] = [];
  const runtime = new HostRuntime(start, scenario, Journal.create(path, start), [], { writeFile: (_file, content) => writes.push(content) });
  return { runtime, path, writes };
}

function resume(path: string) {
  const read = Journal.resume(path);
  const runtime = new HostRuntime(read.start, scenarioOfStart(read.start), read.journal, read.entries, { writeFile: () => undefined });
  return { runtime, dropped: read.dropped };
}

describe('the host journal', () => {
  it('is read back only from a regular file on disk, never a device or a file the system makes up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandtable-journal-pseudo-'));
    for (const [target, said] of [['/dev/zero', /not a regular file/], ['/proc/self/status', /a file the system makes up/]] as const) {
      const link = join(dir, `${target.split('/').pop()}.jsonl`);
      symlinkSync(target, link);
      expect(() => Journal.resume(link)).toThrow(JournalError);
      expect(() => Journal.resume(link)).toThrow(said);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the same exercise from its lines, choices of the turn being decided included', () => {
    const { runtime, path, writes } = newRuntime('same');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'withdraw' });
    runtime.submit({ t: 'instruct', turn: 1, how: 'hold', kind: 'inject', id: 'flights-declared-illegal' });
    runtime.submit({ t: 'choose', turn: 1, actor: 'russia', action: 'expand-presence' });
    // Both teams chose: the turn was played and the record written.
    expect(current(runtime.game.session.history).turn).toBe(1);
    expect(writes).toHaveLength(1);
    runtime.submit({ t: 'odds', shown: false });
    runtime.submit({ t: 'choose', turn: 2, actor: 'usa', action: 'pressure' });
    runtime.close();

    const { runtime: back } = resume(path);
    expect(current(back.game.session.history).hash).toBe(current(runtime.game.session.history).hash);
    expect(back.game.session.choices).toEqual({ usa: 'pressure' });
    expect(back.game.session.odds).toBe(false);
    expect(back.game.session.fates).toEqual([{ inject: 'flights-declared-illegal', turn: 1, how: 'held' }]);
    expect(back.record()).toEqual(runtime.record());
    back.close();
  });

  it('writes no line for a refused request', () => {
    const { runtime, path } = newRuntime('refused');
    const before = readFileSync(path, 'utf8');
    expect(() => runtime.submit({ t: 'choose', turn: 2, actor: 'usa', action: 'withdraw' })).toThrow(Refusal);
    expect(() => runtime.submit({ t: 'choose', turn: 1, actor: 'iran', action: 'withdraw' })).toThrow(Refusal);
    expect(() => runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'no-such' })).toThrow(Refusal);
    expect(() => runtime.submit({ t: 'play', turn: 1, reason: 'all' })).toThrow(Refusal);
    expect(readFileSync(path, 'utf8')).toBe(before);
    runtime.close();
  });

  it('drops a last line cut off by a crash, and refuses a journal whose lines are not its own', () => {
    const { runtime, path } = newRuntime('torn');
    runtime.submit({ t: 'choose', turn: 1, actor: 'usa', action: 'withdraw' });
    runtime.close();
    appendFileSync(path, '{"t":"choose","turn":1,"actor":"rus');
    const { runtime: back, dropped } = resume(path);
    expect(dropped).toBe(true);
    expect(back.game.session.choices).toEqual({ usa: 'withdraw' });
    back.close();
    expect(readFileSync(path, 'utf8').endsWith('\n')).toBe(true);

    appendFileSync(path, '{"t":"choose","turn":1,"actor":"usa","action":"withdraw","extra":1}\n');
    expect(() => Journal.resume(path)).toThrow(JournalError);
  });
});
