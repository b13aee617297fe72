import { Arg, Args, Query, Resolver } from 'type-graphql';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { SourcesArgs } from './source.args';
import type { SourceService } from './source.service';
import { Source } from './source.type';

export const SourceConnection = ConnectionType(Source, 'Source');

@Resolver(() => Source)
export class SourceResolver {
  constructor(private readonly service: SourceService) {}

  @Query(() => SourceConnection, { description: 'Cited documents, oldest first.' })
  async sources(@Args(() => SourcesArgs) args: SourcesArgs): Promise<Connection<Source>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => Source, { nullable: true, description: 'A source by slug; null if there is none.' })
  source(
    @Arg('slug', () => String, { description: 'The source’s slug.' }) slug: string,
  ): Promise<Source | null> {
    return this.service.bySlug(slug);
  }
}
