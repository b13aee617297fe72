import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requireRole } from '../auth/viewer';
import type { Context } from '../context';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import type { AuditService } from './audit.service';
import { AuditEntry, AuditLogArgs } from './audit.type';

export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly service: AuditService) {}

  @Query(() => AuditEntryConnection, { description: 'Recorded writes, newest first. Needs the admin role.' })
  async auditLog(
    @Args(() => AuditLogArgs) args: AuditLogArgs,
    @Ctx() ctx: Context,
  ): Promise<Connection<AuditEntry>> {
    requireRole(ctx.viewer, 'admin', 'auditLog');
    return toConnection(await this.service.list({ entity: args.entity ?? null }, pageRequest(args)));
  }
}
