import { Field, ID, InterfaceType } from 'type-graphql';
import { fromGlobalId } from '../shared/global-id';

/** Relay's Node: every object with a global id can be fetched again with `node(id)`. */
@InterfaceType('Node', {
  description: 'An object with a global id.',
  // Objects are plain rows; the global id names their type.
  resolveType: (value: { id: string }) => fromGlobalId(value.id).typeName,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id.' })
  id!: string;
}
