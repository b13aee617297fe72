import { JSONObjectResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { ConnectionArgs } from '../shared/pagination';

@ObjectType('AuditEntry', {
  description: 'One recorded write: who, when, what changed.',
  simpleResolvers: true,
})
export class AuditEntry {
  @Field(() => ID, {
    description: 'The entry’s id in the audit log; not a node id (entries are read only through auditLog).',
  })
  id!: string;

  @Field(() => Date, { description: 'When the write committed (UTC).' })
  at!: Date;

  @Field(() => String, { description: 'Public prefix of the API key that wrote.' })
  keyPrefix!: string;

  @Field(() => String, { description: 'Name of that key’s holder when it wrote.' })
  keyName!: string;

  @Field(() => String, {
    description: 'The id of the HTTP request that made the write (its x-request-id), to find it in the logs.',
  })
  requestId!: string;

  @Field(() => String, { description: 'The mutation, e.g. createVendor.' })
  action!: string;

  @Field(() => String, { description: 'The kind of row written, e.g. vendor.' })
  entity!: string;

  @Field(() => String, { description: 'Database id of the row written.' })
  entityId!: string;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'The row before the write; null for a create.',
  })
  before!: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'The row after the write.' })
  after!: Record<string, unknown> | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only writes to this kind of row, e.g. vendor.' })
  entity?: string | null;
}
