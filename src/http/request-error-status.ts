/**
 * The codes of GraphQL request errors: the document did not parse, did not validate (our limits included), or
 * its variables did not fit their types, so nothing was executed.
 */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

/**
 * The HTTP status of a complete `/graphql` answer. Apollo Server answers every request error with 400. The
 * GraphQL-over-HTTP spec asks for that only under `application/graphql-response+json`; a client that accepted
 * the legacy `application/json` SHOULD get 200 for a well-formed request whose document or variables are wrong
 * (the errors are in the body, as for any GraphQL answer). HTTP-level refusals (`BAD_REQUEST`: no query, CSRF,
 * batching) keep their 400, and so does every other status.
 *
 * Only a 400 `application/json` body is looked into, so ordinary answers cost nothing here.
 */
export function graphqlStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith('application/json')) return status;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return status;
  }
  if (typeof parsed !== 'object' || parsed === null || 'data' in parsed) return status;
  const errors = (parsed as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return status;
  const requestErrors = errors.every((e) => {
    const code = (e as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    return typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
  });
  return requestErrors ? 200 : status;
}
