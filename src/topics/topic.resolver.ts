import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionType, pageRequest, toConnection, type Connection } from '../shared/pagination';
import { Source } from '../sources/source.type';
import { TopicsArgs } from './topic.args';
import type { TopicService } from './topic.service';
import { Topic } from './topic.type';

export const TopicConnection = ConnectionType(Topic, 'Topic');

@Resolver(() => Topic)
export class TopicResolver {
  constructor(private readonly service: TopicService) {}

  @Query(() => TopicConnection, { description: 'Topics, by name, with filters.' })
  async topics(@Args(() => TopicsArgs) args: TopicsArgs): Promise<Connection<Topic>> {
    return toConnection(await this.service.list(args, pageRequest(args)));
  }

  @Query(() => Topic, { nullable: true, description: 'A topic by slug; null if there is none.' })
  topic(
    @Arg('slug', () => String, { description: 'The topic’s slug.' }) slug: string,
  ): Promise<Topic | null> {
    return this.service.bySlug(slug);
  }

  @FieldResolver(() => [Source], { description: 'Sources that state this topic’s facts.' })
  sources(@Root() topic: Topic, @Ctx() ctx: Context): Promise<Source[]> {
    return ctx.loaders.citations.topic.load(topic.rowId);
  }
}
