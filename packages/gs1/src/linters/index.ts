import type { LinterName } from '../ai-table.js';
import type { Linter } from './common.js';
import { csum } from './csum.js';
import { csumalpha } from './csumalpha.js';
import { gcppos1 } from './gcppos1.js';
import { gcppos2 } from './gcppos2.js';
import { hasnondigit } from './hasnondigit.js';
import { hh } from './hh.js';
import { hhmi } from './hhmi.js';
import { hyphen } from './hyphen.js';
import { iban } from './iban.js';
import { importeridx } from './importeridx.js';
import { iso3166 } from './iso3166.js';
import { iso3166999 } from './iso3166999.js';
import { iso3166alpha2 } from './iso3166alpha2.js';
import { iso4217 } from './iso4217.js';
import { iso5218 } from './iso5218.js';
import { latitude } from './latitude.js';
import { longitude } from './longitude.js';
import { mediatype } from './mediatype.js';
import { mi } from './mi.js';
import { nonzero } from './nonzero.js';
import { nozeroprefix } from './nozeroprefix.js';
import { packagetype } from './packagetype.js';
import { pcenc } from './pcenc.js';
import { pieceoftotal } from './pieceoftotal.js';
import { posinseqslash } from './posinseqslash.js';
import { ss } from './ss.js';
import { winding } from './winding.js';
import { yesno } from './yesno.js';
import { yymmd0 } from './yymmd0.js';
import { yymmdd } from './yymmdd.js';
import { yyyymmdd } from './yyyymmdd.js';
import { zero } from './zero.js';

export type { Linter, LintFailure, LintCode } from './common.js';

const noop: Linter = () => null;

/**
 * Every linter the dictionary names, by name. The record type makes the
 * compiler reject a regenerated table that names a linter missing here.
 *
 * No-ops, by decision: `couponcode` and `couponposoffer` (the North American
 * coupon structures of AIs 8110 and 8112) are accepted without content checks;
 * those AIs are still checked for length and CSET 82.
 */
export const LINTERS: Readonly<Record<LinterName, Linter>> = {
  couponcode: noop,
  couponposoffer: noop,
  csum,
  csumalpha,
  gcppos1,
  gcppos2,
  hasnondigit,
  hh,
  hhmi,
  hyphen,
  iban,
  importeridx,
  iso3166,
  iso3166999,
  iso3166alpha2,
  iso4217,
  iso5218,
  latitude,
  longitude,
  mediatype,
  mi,
  nonzero,
  nozeroprefix,
  packagetype,
  pcenc,
  pieceoftotal,
  posinseqslash,
  ss,
  winding,
  yesno,
  yymmd0,
  yymmdd,
  yyyymmdd,
  zero,
};

export const NO_OP_LINTERS: readonly LinterName[] = ['couponcode', 'couponposoffer'];
