/**
 * The model's parameters: one flat, named set of positive numbers, so that the optimizer, the frozen copy and
 * the API (`simulatorModel`) all see the same thing. Names are dotted: `native.pageFault`, `xen_pv.hypercall`,
 * `hw.p4_672.vmExit`, `wl.kernel-build.pteUpdate`.
 */

/** A parameter set: name → value. Every value is finite and > 0 (the fit works in log space). */
export type ModelParameters = Readonly<Record<string, number>>;

/** What one parameter means, its prior (the documented estimate it starts from) and whether it is fitted. */
export interface ParameterSpec {
  readonly name: string;
  /** Unit of the value: `cycles`, `fraction`, `events/s` (per native CPU second), `events/packet`, … */
  readonly unit: string;
  /** The estimate before calibration (from the papers' text or first principles); > 0. */
  readonly prior: number;
  /** False: held at the prior (no published number constrains it). */
  readonly fitted: boolean;
  /** Intent, in one sentence. */
  readonly description: string;
  /** Bounds the fit keeps the value in: by default prior / 5 … prior × 5 (no absurd parameters). */
  readonly min: number;
  readonly max: number;
  /** Why the bounds are where they are: what a value resting on one of them means. */
  readonly boundsWhy: string;
}

/** Why the default bounds hold: the reason reported for a parameter resting on prior ÷ 5 or prior × 5. */
export const PRIOR_FACTOR_BOUNDS =
  'within five times of its documented prior: the calibration pulls it further, so the mechanism it stands ' +
  'for is lumped with another or mis-specified, and its value is a limit, not a measurement';

/** Shorthand for declaring a spec. */
export function spec(
  name: string,
  unit: string,
  prior: number,
  fitted: boolean,
  description: string,
  bounds: { min?: number; max?: number; why?: string } = {},
): ParameterSpec {
  const explicit = bounds.min !== undefined || bounds.max !== undefined;
  if (explicit && !bounds.why)
    throw new Error(`Parameter ${name}: bounds other than prior ÷/× 5 need a reason`);
  return {
    name,
    unit,
    prior,
    fitted,
    description,
    min: bounds.min ?? prior / 5,
    max: bounds.max ?? prior * 5,
    boundsWhy: explicit ? bounds.why! : PRIOR_FACTOR_BOUNDS,
  };
}

/** Which bound a value rests on (to 1 part in 10⁹), or null when it lies inside them. */
export function boundHit(spec: ParameterSpec, value: number): 'min' | 'max' | null {
  const on = (bound: number) => Math.abs(value - bound) <= 1e-9 * Math.abs(bound);
  return on(spec.min) ? 'min' : on(spec.max) ? 'max' : null;
}

/** Reads one parameter, failing loudly on a name the set lacks (a typo must not silently become NaN). */
export function param(params: ModelParameters, name: string): number {
  const v = params[name];
  if (v === undefined) throw new Error(`Unknown simulator model parameter: ${name}`);
  return v;
}

/** The priors of the given specs as a parameter set. */
export function priorParameters(specs: readonly ParameterSpec[]): ModelParameters {
  return Object.fromEntries(specs.map((s) => [s.name, s.prior]));
}
