import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType } from 'type-graphql';
import { HypervisorResolver } from './hypervisors/hypervisor.resolver';
import { LicenseResolver } from './licensing/license.resolver';
import { SourceResolver } from './sources/source.resolver';
import { VendorResolver } from './vendors/vendor.resolver';
import type { Services } from './context';

/** Every resolver class, in a fixed order (no glob loading). */
export const RESOLVERS = [VendorResolver, HypervisorResolver, LicenseResolver, SourceResolver] as const;

/** Resolver instances wired to their services: type-graphql's container, without an IoC library. */
export function createResolverContainer(services: Services): ContainerType {
  const instances = new Map<Function, object>([
    [VendorResolver, new VendorResolver(services.vendors)],
    [HypervisorResolver, new HypervisorResolver(services.hypervisors)],
    [LicenseResolver, new LicenseResolver(services.licenses)],
    [SourceResolver, new SourceResolver(services.sources)],
  ]);
  return {
    get(someClass) {
      const instance = instances.get(someClass as Function);
      if (!instance) throw new Error(`No resolver instance for ${(someClass as Function).name}`);
      return instance;
    },
  };
}

/** Builds the executable schema. Without a container (schema tools), resolvers are never called. */
export function buildAppSchema(container?: ContainerType): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    container: container ?? {
      get: () => {
        throw new Error('This schema was built for printing only');
      },
    },
    validate: false,
    emitSchemaFile: false,
  });
}

/** The SDL as committed in `schema/schema.graphql`: sorted, so diffs show real changes only. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
