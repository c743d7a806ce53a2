import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PackLevel, type PackLevelName } from '../packs/pack.types.js';
import { ProductObject } from '../products/product.types.js';
import type { CodeRequestKind, CodeRequestStatus as StatusName } from './code-request.entity.js';

export const CodeRequestStatus = { REQUESTED: 'REQUESTED', ISSUED: 'ISSUED', REJECTED: 'REJECTED' } as const;
registerEnumType(CodeRequestStatus, { name: 'CodeRequestStatus' });
export const CodeRequestKindEnum = { REQUEST: 'REQUEST', UPLOAD: 'UPLOAD' } as const;
registerEnumType(CodeRequestKindEnum, { name: 'CodeRequestKind', description: 'Serials issued by Jejak, or uploaded by the manufacturer.' });

@ObjectType()
export class IssuedCode {
  @Field(() => String, { nullable: true }) serial!: string | null;
  @Field(() => String, { nullable: true }) sscc!: string | null;
  @Field(() => String, { description: 'Bracketed element string.' }) text!: string;
  @Field(() => String, { description: 'GS1 data with ASCII 29 separators, no symbology identifier.' }) raw!: string;
  @Field(() => String, { nullable: true, description: 'GS1 Digital Link URI, where the code has a GTIN or SSCC.' }) digitalLink!: string | null;
  @Field(() => PackLevel) level!: PackLevelName;
}

@ObjectType()
export class IssuedCodeEdge {
  @Field(() => IssuedCode) node!: IssuedCode;
  @Field(() => String) cursor!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class IssuedCodeConnection {
  @Field(() => [IssuedCodeEdge]) edges!: IssuedCodeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'All codes of the request.' }) totalCount!: number;
}

@ObjectType('CodeRequest')
export class CodeRequestObject {
  @Field(() => ID) id!: string;
  @Field(() => CodeRequestStatus) status!: StatusName;
  @Field(() => CodeRequestKindEnum) kind!: CodeRequestKind;
  @Field(() => ProductObject) product!: ProductObject;
  @Field(() => String, { description: 'Lot number.' }) batch!: string;
  @Field(() => String, { description: 'YYYY-MM-DD' }) expiry!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { nullable: true }) unitsPerCase!: number | null;
  @Field(() => Int, { nullable: true }) casesPerPallet!: number | null;
  @Field(() => String, { nullable: true }) gtin!: string | null;
  @Field(() => String, { nullable: true, description: 'Why BPOM rejected it.' }) reason!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
}
