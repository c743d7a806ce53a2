import { parse, type Gs1Error } from '@jejak/gs1';
import { Arg, Query, Resolver } from 'type-graphql';
import { Public } from '../../shared/auth.js';
import { badInput } from '../../shared/errors.js';
import { BarcodeParse, type BarcodeProblem } from './barcode.types.js';

/** Longer text is no barcode a 2D symbol can hold. */
const MAX_TEXT = 4096;

const toProblem = (error: Gs1Error): BarcodeProblem => ({
  code: error.code,
  message: error.message,
  ai: error.ai ?? null,
  position: error.position ?? null,
});

@Resolver()
export class BarcodeResolver {
  @Public()
  @Query(() => BarcodeParse, { description: 'Reads barcode text in any accepted form and checks it; needs no login.' })
  parseBarcode(@Arg('text', () => String) text: string): BarcodeParse {
    if (text.length > MAX_TEXT) throw badInput(`text is ${text.length} characters; a 2D barcode holds at most ${MAX_TEXT}`, 'text');
    const result = parse(text);
    return { ...result, errors: result.errors.map(toProblem), warnings: result.warnings.map(toProblem) };
  }
}
