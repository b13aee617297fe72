/**
 * The SQL condition "valid at $n": `from ≤ asOf < to`, with null ends open. `from` may be an expression
 * (e.g. a statement's own start, else its release's date). Column expressions come from code, never input.
 */
export function validAt(fromExpr: string, toExpr: string, param: string): string {
  return `((${fromExpr}) IS NULL OR (${fromExpr}) <= ${param}) AND ((${toExpr}) IS NULL OR (${toExpr}) > ${param})`;
}

/** Today's date as `YYYY-MM-DD` (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
