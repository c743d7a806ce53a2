import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The result of recomputing the ledger from the tables.' })
export class LedgerCheck {
  @Field(() => Boolean, { description: 'Every event checked matches its sealed entry, and every published day its root.' }) ok!: boolean;
  @Field(() => Int, { description: 'Ledger entries checked against their events.' }) checkedEvents!: number;
  @Field(() => ID, { nullable: true, description: 'The first event (event.id) that does not match: changed, deleted or written around the ledger.' })
  firstBadEventId!: string | null;
  @Field(() => String, { nullable: true, description: 'What does not match, in words.' }) problem!: string | null;
  @Field(() => String, { nullable: true, description: 'The first UTC day checked (YYYY-MM-DD); null: from the start.' }) from!: string | null;
  @Field(() => String, { nullable: true, description: 'The last UTC day checked; null: through today.' }) to!: string | null;
  @Field(() => Date) checkedAt!: Date;
}

@ObjectType({ description: 'Where one of the ledger’s chains stood at the end of a day.' })
export class LedgerHead {
  @Field(() => Int) chain!: number;
  @Field(() => String, { description: 'Its last entry’s number in the chain (0: none yet).' }) seq!: string;
  @Field(() => String, { description: 'The chain’s digest after it (hex).' }) digest!: string;
}

@ObjectType({ description: 'A UTC day’s published root, as served at /api/ledger/days/{day}.' })
export class LedgerDay {
  @Field(() => String, { description: 'YYYY-MM-DD (UTC).' }) day!: string;
  @Field(() => Int, { description: 'Events sealed that day: the leaves of its tree.' }) events!: number;
  @Field(() => String, { description: 'The Merkle root of the day’s entries (hex).' }) root!: string;
  @Field(() => String, { nullable: true, description: 'The day before’s root (hex).' }) previousRoot!: string | null;
  @Field(() => [LedgerHead]) heads!: LedgerHead[];
  @Field(() => String, { description: 'The signing key’s id.' }) keyId!: string;
  @Field(() => String, { description: 'The Ed25519 signature of the day’s text (base64).' }) signature!: string;
  @Field(() => Date) publishedAt!: Date;
}
