import { ExpressionError } from './expression.js';
import type { ScenarioSpec } from './format.js';
import type { Problem } from './problem.js';
import type { ScenarioScope } from './scope.js';
import { suggest } from './suggest.js';

// Checks of a scenario's data that no schema can make: ids used once each,
// and the exercise's roles and injects naming what exists.

/** Every id of actors, rules, indicators, variants, issues, metrics, outcomes and each actor's actions is used once. */
export function checkIds(spec: ScenarioSpec, problems: Problem[]): void {
  checkUnique(problems, ['actors'], spec.actors.map((a) => a.id), 'actor');
  checkUnique(problems, ['rules'], spec.rules.map((r) => r.id), 'rule');
  checkUnique(problems, ['indicators'], spec.indicators.map((i) => i.id), 'indicator');
  checkUnique(problems, ['variants'], spec.variants.map((v) => v.id), 'variant');
  checkUnique(problems, ['issues'], spec.issues.map((i) => i.id), 'issue');
  checkUnique(problems, ['metrics'], spec.metrics.map((m) => m.id), 'metric');
  checkUnique(problems, ['outcomes'], spec.outcomes.map((o) => o.id), 'outcome');
  spec.actors.forEach((actor, a) => checkUnique(problems, ['actors', a, 'actions'], actor.actions.map((x) => x.id), 'action'));
  // Effect ids are optional; an effect without one never clashes.
  const effectIds = (list: readonly { id?: string | undefined }[]) => list.map((effect, i) => effect.id ?? `\u0000${i}`);
  checkUnique(problems, ['dynamics'], effectIds(spec.dynamics), 'effect');
  spec.rules.forEach((rule, r) => checkUnique(problems, ['rules', r, 'effects'], effectIds(rule.effects), 'effect'));
}

/** Each id once in its list. */
function checkUnique(problems: Problem[], path: (string | number)[], ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ path: [...path, i, 'id'], message: `${what} id \`${id}\` is used twice` });
    seen.add(id);
  });
}

/** Roles name actors that exist, once each; injects fire rules that exist, within the scenario's turns. */
export function checkExercise(spec: ScenarioSpec, scope: ScenarioScope, problems: Problem[]): void {
  const actors = spec.actors.map((actor) => actor.id);
  checkUnique(problems, ['injects'], spec.injects.map((inject) => inject.id), 'inject');
  spec.roles.forEach((role, i) => {
    if (spec.roles.findIndex((other) => other.actor === role.actor) < i) {
      problems.push({ path: ['roles', i, 'actor'], message: `\`${role.actor}\` has two roles; give each actor one` });
    } else if (!actors.includes(role.actor)) {
      problems.push({ path: ['roles', i, 'actor'], message: `unknown actor \`${role.actor}\`${suggest(role.actor, actors)}` });
    }
  });
  spec.injects.forEach((inject, i) => {
    try {
      scope.rule(inject.event);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      problems.push({ path: ['injects', i, 'event'], message: error.message });
    }
    if (typeof inject.turn === 'string') {
      try {
        scope.turnAt(inject.turn);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        problems.push({ path: ['injects', i, 'turn'], message: error.message });
      }
    } else if (inject.turn > spec.turns) {
      problems.push({ path: ['injects', i, 'turn'], message: `turn ${inject.turn} is after the scenario's last turn (${spec.turns})` });
    }
  });
}

/**
 * Some action of every actor is always available: one without `available:`,
 * or the actor's `fallback`, taken when none is. A fallback names an action
 * of the actor.
 */
export function checkAvailability(spec: ScenarioSpec, problems: Problem[]): void {
  spec.actors.forEach((actor, a) => {
    const ids = actor.actions.map((action) => action.id);
    if (actor.fallback !== undefined && !ids.includes(actor.fallback)) {
      problems.push({ path: ['actors', a, 'fallback'], message: `${actor.id} has no action \`${actor.fallback}\`${suggest(actor.fallback, ids)}` });
    }
    if (actor.fallback === undefined && actor.actions.length > 0 && actor.actions.every((action) => action.available !== undefined)) {
      problems.push({
        path: ['actors', a, 'fallback'],
        message: `every action of ${actor.id} has \`available:\`, so at times none may be; leave one without it or name a \`fallback:\` action`,
      });
    }
  });
}
