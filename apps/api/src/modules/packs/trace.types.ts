import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from '../codes/codes.types.js';
import { PackObject } from './pack.types.js';

@ObjectType()
export class PackEdge {
  @Field(() => PackObject) node!: PackObject;
  @Field(() => String) cursor!: string;
}

@ObjectType({ description: 'Packs found by a trace search, a page at a time.' })
export class PackConnection {
  @Field(() => [PackEdge]) edges!: PackEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType({ description: 'What a trace search looks for; name at least a product, a batch or a facility. Every field narrows.' })
export class TraceSearchInput {
  @Field(() => ID, { nullable: true }) productId?: string | null;
  @Field(() => String, { nullable: true, description: 'A batch number.' }) batch?: string | null;
  @Field(() => ID, { nullable: true, description: 'Packs that had an event at this facility (or are there now).' }) facilityId?: string | null;
  @Field(() => String, { nullable: true, description: 'With an event on or after this day (YYYY-MM-DD, reporting time zone).' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'With an event on or before this day.' }) to?: string | null;
}
