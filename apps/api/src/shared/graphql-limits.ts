import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import type { ComplexityEstimator, getComplexity as GetComplexity, simpleEstimator as SimpleEstimator } from 'graphql-query-complexity';

// graphql-query-complexity's ES module build imports graphql's .mjs files, a second copy of
// graphql beside the CommonJS one that type-graphql and the API use; its CommonJS build shares it.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as {
  getComplexity: typeof GetComplexity;
  simpleEstimator: typeof SimpleEstimator;
};

/**
 * What one GraphQL request may ask, checked before any resolver runs. Bulk work is one field with
 * a list argument (up to 200,000 codes), never many aliases or a deep document.
 */
export const GRAPHQL_LIMITS = {
  /** Aliases in one operation: the dashboard uses none, a client a handful. */
  aliases: 30,
  /** Levels of selections, fragments counted: no screen of the dashboard asks more than 6. */
  depth: 12,
  /**
   * Cost: every field 1, and a field with `first` its children that many times over (or 100
   * times, the services' default, when no `first` is given). The dashboard's costliest screen
   * asks about 19,000 with pages of 1,000; a list of code requests each with a page of codes
   * runs into the millions.
   */
  cost: 50_000,
  /** Lexical tokens of the document: 200,000 codes written into the query itself still fit. */
  tokens: 250_000,
} as const;

/** The page size a field with a `first` argument takes when none is given. */
const DEFAULT_PAGE = 100;

/** Names the limit a request passed; GraphQL's own validation failures use the same code. */
const refusal = (message: string) => new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });

/** The armor rules' message, without the "Syntax Error: " they put before it. */
const report = (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(refusal(error.message.replace(/^Syntax Error: /, '')));
};

/** Validation rules for the aliases and depth limits (graphql-armor), reported as validation errors. */
export const limitRules: ValidationRule[] = [
  // Aliases of __typename too: cheap one by one, not by the thousand.
  maxAliasesRule({ n: GRAPHQL_LIMITS.aliases, allowList: [], propagateOnRejection: false, onReject: [report] }),
  maxDepthRule({ n: GRAPHQL_LIMITS.depth, propagateOnRejection: false, onReject: [report] }),
];

/** A field with a `first` argument costs its children that many times: a page of a list. */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'first')) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : DEFAULT_PAGE;
  return 1 + first * childComplexity;
};

const estimators = [pageEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The cost of an operation with its variables: every field 1, a page its children `first` times.
 * Throws a GraphQLError when the variables do not fit the operation.
 */
export const costOf = (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null) =>
  getComplexity({ schema, query: document, variables, operationName: operationName ?? undefined, estimators });

/**
 * The variables a document's cost depends on: those it passes as `first` (a page's size) and
 * those of its directives (`@include(if: $more)` and `@skip` decide which fields are asked for).
 */
function weightVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
    Directive(directive) {
      visit(directive, { Variable: (variable) => void names.add(variable.name.value) });
    },
  });
  return [...names];
}

/** Costs weighed, per parsed document (the server keeps one per query text) and the variables they depend on. */
const weighed = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
const MAX_COSTS_PER_DOCUMENT = 100;

/**
 * The cost of an operation, weighed once per document, operation and the values of the variables
 * its cost depends on: the busiest queries (a public check) are the same text again and again.
 */
export function cachedCostOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string | null) {
  let known = weighed.get(document);
  if (!known) weighed.set(document, (known = { variables: weightVariables(document), costs: new Map() }));
  const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => variables[name] ?? null)]);
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = costOf(schema, document, variables, operationName);
    if (known.costs.size >= MAX_COSTS_PER_DOCUMENT) known.costs.clear();
    known.costs.set(key, cost);
  }
  return cost;
}

/**
 * The cost limit (graphql-query-complexity), with the request's variables, once the operation is
 * known. A request whose variables do not fit the operation is left to execution, which refuses it.
 */
export function costLimit(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = cachedCostOf(schema, document, request.variables ?? {}, request.operationName);
          } catch (error) {
            if (error instanceof GraphQLError && /^Variable "\$/.test(error.message)) return;
            throw refusal(`The request is too large to weigh: ${(error as Error).message}`);
          }
          if (cost > GRAPHQL_LIMITS.cost) {
            throw refusal(`The request's cost is ${cost.toLocaleString('en')}; at most ${GRAPHQL_LIMITS.cost.toLocaleString('en')} is allowed. Ask for smaller pages (first) or fewer fields.`);
          }
        },
      };
    },
  };
}
