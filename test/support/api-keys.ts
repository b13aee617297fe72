import type { DataSource } from 'typeorm';
import type { Role } from '../../src/auth/api-key.entity';
import { ApiKeyService } from '../../src/auth/api-key.service';
import type { GraphQLResponse } from './server';

/** A new API key with this role on the server's database; returns the whole key. */
export async function createKey(dataSource: DataSource, role: Role, name = `test ${role}`): Promise<string> {
  return (await new ApiKeyService(dataSource).create(name, role)).key;
}

/** POSTs a GraphQL request with an optional API key and extra headers, as a client would. */
export async function graphqlAs<T = Record<string, unknown>>(
  url: string,
  key: string | null,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as GraphQLResponse<T>['body'] };
}
