/**
 * The SQL condition "valid at $n": `from ≤ asOf < to`, with null ends open. `from` may be an expression
 * (e.g. a statement's own start, else its release's date). Column expressions come from code, never input.
 */
export function validAt(fromExpr: string, toExpr: string, param: string): string {
  return `((${fromExpr}) IS NULL OR (${fromExpr}) <= ${param}) AND ((${toExpr}) IS NULL OR (${toExpr}) > ${param})`;
}

/**
 * The SQL condition "dated, and valid at $n": `from ≤ asOf < to` where a null `to` is open but a null `from` is
 * not: a thing no source dates is undated, never taken to exist at every date (dated answers list it apart).
 */
export function datedValidAt(fromExpr: string, toExpr: string, param: string): string {
  return `((${fromExpr}) IS NOT NULL AND (${fromExpr}) <= ${param}) AND ((${toExpr}) IS NULL OR (${toExpr}) > ${param})`;
}

/** Today's date as `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
