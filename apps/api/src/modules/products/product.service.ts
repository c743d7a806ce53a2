import { hasValidCheckDigit } from '@jejak/gs1';
import type { Context } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput, conflict, forbidden, notFound } from '../../shared/errors.js';
import * as check from '../../shared/validate.js';
import { Product } from './product.entity.js';
import type { ProductInput, ProductUpdateInput } from './product.inputs.js';

const NIE = /^[A-Z0-9]{1,16}$/;

export function normaliseNie(value: string): string {
  const nie = check.requiredText(value, 'nie', 16).toUpperCase();
  if (!NIE.test(nie)) throw badInput(`nie "${nie}" must be 1 to 16 letters and digits`, 'nie');
  return nie;
}

export function normaliseGtin(value: string | null | undefined): string | null {
  const gtin = check.optionalText(value, 'gtin', 14);
  if (!gtin) return null;
  if (!/^\d{8}$|^\d{12,14}$/.test(gtin)) throw badInput(`gtin "${gtin}" must be 8, 12, 13 or 14 digits`, 'gtin');
  const padded = gtin.padStart(14, '0');
  if (!hasValidCheckDigit(padded)) throw badInput(`gtin "${gtin}" has a wrong check digit`, 'gtin');
  return padded;
}

export class ProductService {
  async byNie(ctx: Context, nie: string): Promise<Product | null> {
    requirePrincipal(ctx);
    return ctx.em.findOne(Product, { nie: normaliseNie(nie) });
  }

  /** The product register: a manufacturer sees its own products, everyone else all of them. */
  async list(ctx: Context, search: string | null | undefined, first = 100): Promise<Product[]> {
    const principal = requirePrincipal(ctx);
    const where: Record<string, unknown> = {};
    if (principal.organizationType === 'MANUFACTURER') where.registrant = principal.organizationId;
    const term = check.optionalText(search, 'search', 100);
    if (term) {
      const like = check.containing(term);
      where.$or = [{ nie: { $ilike: like } }, { name: { $ilike: like } }, { brand: { $ilike: like } }];
    }
    return ctx.em.find(Product, where, { orderBy: { name: 'asc', nie: 'asc' }, limit: Math.min(Math.max(first, 1), 500) });
  }

  async update(ctx: Context, nieInput: string, input: ProductUpdateInput): Promise<Product> {
    const principal = requirePrincipal(ctx);
    const nie = normaliseNie(nieInput);
    const product = await ctx.em.findOne(Product, { nie });
    if (!product) throw notFound(`No product with NIE ${nie}`);
    if (product.registrant.id !== principal.organizationId) throw forbidden(`Only the registrant of ${nie} may change it`);
    if (input.name !== undefined && input.name !== null) product.name = check.requiredText(input.name, 'name');
    for (const field of ['form', 'strength', 'packaging', 'brand', 'producer'] as const) {
      if (input[field] !== undefined) product[field] = check.optionalText(input[field], field);
    }
    if (input.gtin) {
      const gtin = normaliseGtin(input.gtin);
      if (product.gtin && gtin !== product.gtin) throw badInput(`${nie} already has GTIN ${product.gtin}; it cannot change`, 'gtin');
      if (gtin && !product.gtin && (await ctx.em.count(Product, { gtin }))) throw conflict(`GTIN ${gtin} already belongs to another product`);
      product.gtin = gtin;
    }
    await ctx.em.flush();
    return product;
  }

  async create(ctx: Context, input: ProductInput): Promise<Product> {
    const principal = requirePrincipal(ctx);
    const nie = normaliseNie(input.nie);
    const gtin = normaliseGtin(input.gtin);
    if (await ctx.em.count(Product, { nie })) throw conflict(`A product with NIE ${nie} is already registered`);
    if (gtin && (await ctx.em.count(Product, { gtin }))) throw conflict(`GTIN ${gtin} already belongs to another product`);
    const product = ctx.em.create(Product, {
      nie,
      gtin,
      name: check.requiredText(input.name, 'name'),
      form: check.optionalText(input.form, 'form'),
      strength: check.optionalText(input.strength, 'strength'),
      packaging: check.optionalText(input.packaging, 'packaging'),
      brand: check.optionalText(input.brand, 'brand'),
      producer: check.optionalText(input.producer, 'producer'),
      registrant: principal.organizationId,
      serialised: input.serialised ?? true,
      createdAt: new Date(),
    });
    await ctx.em.flush();
    return product;
  }
}
