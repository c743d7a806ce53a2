import 'reflect-metadata';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Kind,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildJejakSchema } from '../schema.js';
import { GRAPHQL_LIMITS, cachedCostOf, costOf, limitRules } from './graphql-limits.js';

const FEATURES = fileURLToPath(new URL('../../../dashboard/src/features', import.meta.url));

/** Every operation the dashboard sends: the graphql(`…`) documents beside its features, fragments included. */
async function dashboardDocuments(): Promise<Array<{ name: string; document: DocumentNode }>> {
  const files = (await readdir(FEATURES, { recursive: true })).filter((file) => file.endsWith('.graphql.ts'));
  const sources: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(FEATURES, file), 'utf8');
    for (const match of text.matchAll(/graphql\(`([\s\S]*?)`\)/g)) sources.push(match[1]!);
  }
  const definitions = sources.flatMap((source) => parse(source).definitions);
  const fragments = new Map(definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  return definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({ name: operation.name?.value ?? '(anonymous)', document: { kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation, fragments)] } }));
}

/** The fragments a definition spreads, and those they spread in turn. */
function usedFragments(node: ASTNode, fragments: Map<string, FragmentDefinitionNode>, used = new Set<FragmentDefinitionNode>()) {
  visit(node, {
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value);
      if (fragment && !used.has(fragment)) {
        used.add(fragment);
        usedFragments(fragment, fragments, used);
      }
    },
  });
  return used;
}

/** A value for a variable of `type`, the largest page (1,000) for every Int, so costs are the worst the dashboard can ask. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, sample(field.type)]));
  }
  const scalar = getNamedType(type).name;
  if (scalar === 'Int') return 1000;
  if (scalar === 'Float') return 1;
  if (scalar === 'Boolean') return true;
  if (scalar === 'DateTimeISO') return new Date().toISOString();
  return '00000000-0000-0000-0000-000000000000';
}

function variablesOf(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions[0] as OperationDefinitionNode;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => [definition.variable.name.value, sample(typeFromAST(schema, definition.type as never) as GraphQLInputType)]),
  );
}

describe('the GraphQL limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildJejakSchema();
  });

  it('let every operation of the dashboard through, with pages of 1,000', async () => {
    const documents = await dashboardDocuments();
    expect(documents.length).toBeGreaterThan(30);
    let highest = { name: '', cost: 0 };
    for (const { name, document } of documents) {
      expect(validate(schema, document, [...specifiedRules, ...limitRules]), name).toEqual([]);
      // Four levels less and no aliases would do as well: the limits are far from what screens ask
      // (a Relay page of alerts with their product is the deepest, at 7).
      expect(validate(schema, document, [maxDepthRule({ n: GRAPHQL_LIMITS.depth - 4 }), maxAliasesRule({ n: 0, allowList: [] })]), name).toEqual([]);
      const cost = costOf(schema, document, variablesOf(schema, document));
      expect(cost, name).toBeLessThanOrEqual(GRAPHQL_LIMITS.cost);
      if (cost > highest.cost) highest = { name, cost };
    }
    // The costliest leaves room for more fields: the alert inbox at 1,000 rows (its page is 200
    // at most on the server) is near 54 % of the limit.
    expect(highest.cost, highest.name).toBeLessThan(GRAPHQL_LIMITS.cost * 0.6);
  });

  it('let the standard introspection query through, for development', () => {
    const document = parse(getIntrospectionQuery());
    expect(validate(schema, document, [...specifiedRules, ...limitRules])).toEqual([]);
    expect(costOf(schema, document, {})).toBeLessThanOrEqual(GRAPHQL_LIMITS.cost);
  });

  it('refuse aliases and depth past the limits, naming them', () => {
    const aliases = parse(`{ ${Array.from({ length: GRAPHQL_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(validate(schema, aliases, limitRules).map((error) => error.message)).toEqual([
      `Aliases limit of ${GRAPHQL_LIMITS.aliases} exceeded, found ${GRAPHQL_LIMITS.aliases + 1}.`,
    ]);
    const nested = GRAPHQL_LIMITS.depth + 1;
    const deep = parse(`{ ${'... on Query { '.repeat(nested)} __typename ${'} '.repeat(nested)}}`);
    expect(validate(schema, deep, limitRules).map((error) => error.message)).toEqual([`Query depth limit of ${GRAPHQL_LIMITS.depth} exceeded, found ${nested + 1}.`]);
  });

  it('count a page as its size times what each item asks, from a literal or a variable', () => {
    const page = parse(`query($n: Int) { codeRequests(first: $n) { id codes(first: 10) { totalCount } } }`);
    // codeRequests: 1 + n × (id 1 + codes (1 + 10 × 1)) = 1 + 12n
    expect(costOf(schema, page, { n: 5 })).toBe(61);
    // Without `first`, a page is the services' default of 100.
    expect(costOf(schema, page, {})).toBe(1201);
  });

  it('weigh a document once per page size: the same text with another `first` costs anew', () => {
    const page = parse(`query($n: Int) { codeRequests(first: $n) { id codes(first: 10) { totalCount } } }`);
    expect(cachedCostOf(schema, page, { n: 5 })).toBe(61);
    expect(cachedCostOf(schema, page, { n: 1000 })).toBe(12_001);
    expect(cachedCostOf(schema, page, { n: 5 })).toBe(61);
    expect(cachedCostOf(schema, page, {})).toBe(1201);
    // Variables that are not page sizes do not change the weight of a document.
    const verify = parse(`query($c: String!) { verify(code: $c) { verdict } }`);
    expect(cachedCostOf(schema, verify, { c: 'a' })).toBe(cachedCostOf(schema, verify, { c: 'b' }));
  });

  it('weigh a document anew when a variable of @include or @skip changes what it asks for', () => {
    const document = parse(`query($n: Int, $more: Boolean!) { codeRequests(first: $n) { id codes(first: 10) @include(if: $more) { totalCount } } }`);
    const small = cachedCostOf(schema, document, { n: 1000, more: false });
    const large = cachedCostOf(schema, document, { n: 1000, more: true });
    expect(large).toBe(costOf(schema, document, { n: 1000, more: true }));
    expect(large).toBeGreaterThan(small);
    const skipped = parse(`query($n: Int, $less: Boolean!) { codeRequests(first: $n) { id codes(first: 10) @skip(if: $less) { totalCount } } }`);
    expect(cachedCostOf(schema, skipped, { n: 1000, less: true })).toBeLessThan(cachedCostOf(schema, skipped, { n: 1000, less: false }));
  });
});
