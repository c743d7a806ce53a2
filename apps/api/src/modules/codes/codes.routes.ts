import { once } from 'node:events';
import { csvLine } from '@jejak/csv';
import { Router, type Response } from 'express';
import { createContext, requestInfo, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { badInput, notFound } from '../../shared/errors.js';
import type { PackLevelName } from '../packs/pack.types.js';
import { issuedCodes, toIssuedCode, type IssuedRow } from './issued-codes.js';
import { LabelPdf, LABEL_SIZES, isLabelSize } from './label-pdf.js';
import { codeForms } from './pack-code.js';
import { ofRequestSql } from '../packs/ranges.js';

const CHUNK = 20_000;
const LABEL_CHUNK = 2_000;
const LEVELS: readonly PackLevelName[] = ['UNIT', 'CASE', 'PALLET'];
const LABEL_TEXTS = {
  id: { invalid: 'Kode tidak terbaca', CASE: 'Karton', PALLET: 'Palet' },
  en: { invalid: 'Unreadable code', CASE: 'Case', PALLET: 'Pallet' },
} as const;

/**
 * Printer files: `GET /api/code-requests/:id/codes.csv` and `…/codes.xml`, streamed, for the
 * manufacturer that asked for the codes and BPOM's supervisors and administrators.
 */
export function codeDownloads(deps: ContextDeps): Router {
  const router = Router();
  router.get('/api/code-requests/:id/codes.:format', async (req, res, next) => {
    try {
      const format = req.params.format;
      if (format !== 'csv' && format !== 'xml') throw notFound(`No download in format ${format}; use csv or xml`);
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      requirePrincipal(ctx);
      const request = await ctx.services.codes.withReadableCodes(ctx, req.params.id);
      if (request.status !== 'ISSUED') throw notFound(`No issued code request with id ${req.params.id}`);
      const name = `jejak-${request.product.nie}-${request.batch.lot}-${request.id.slice(0, 8)}.${format}`;
      res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xml; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
      const header =
        format === 'csv'
          ? csvLine(['level', 'serial', 'sscc', 'text', 'raw', 'digital_link'])
          : `<?xml version="1.0" encoding="UTF-8"?>\n<codes request="${xml(request.id)}" nie="${xml(request.product.nie)}" batch="${xml(request.batch.lot)}" expiry="${request.batch.expiry}">\n`;
      await write(res, header);
      for (let after = '0'; ; ) {
        const rows = await issuedCodes(deps.pool, request.id, after, CHUNK);
        if (rows.length === 0) break;
        const linkBase = ctx.services.codes.linkBase;
        await write(res, rows.map((row) => (format === 'csv' ? csvRow(row, linkBase) : xmlElement(row, linkBase))).join(''));
        after = rows.at(-1)!.id;
      }
      res.end(format === 'xml' ? '</codes>\n' : '');
    } catch (error) {
      next(error);
    }
  });
  router.get('/api/code-requests/:id/labels.pdf', async (req, res, next) => {
    try {
      const query = labelQuery(req.query);
      const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
      requirePrincipal(ctx);
      const request = await ctx.services.codes.withReadableCodes(ctx, req.params.id);
      if (request.status !== 'ISSUED') throw notFound(`No issued code request with id ${req.params.id}`);
      const texts = LABEL_TEXTS[query.lang];
      const name = `jejak-labels-${request.product.nie}-${request.batch.lot}-${request.id.slice(0, 8)}.pdf`;
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`);
      const pdf = new LabelPdf((chunk) => write(res, chunk), query.size, { invalid: texts.invalid, title: `${request.product.name} ${request.batch.lot}` });
      await pdf.begin();
      let left = query.count;
      let after = query.from > 1 ? await idBefore(deps, request.id, query.level, query.from) : '0';
      while (after !== null && left > 0) {
        const rows = await issuedCodes(deps.pool, request.id, after, Math.min(LABEL_CHUNK, left), query.level);
        if (rows.length === 0) break;
        await pdf.add(rows.map((row) => ({ text: codeForms(row).text, caption: row.level === 'UNIT' ? undefined : texts[row.level] })));
        left -= rows.length;
        after = rows.at(-1)!.id;
      }
      await pdf.end();
      res.end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}

/** What a label PDF is asked for: `size` (cm), `level`, `from`/`to` (positions, 1 = the first code), `lang`. */
function labelQuery(query: Record<string, unknown>) {
  const one = (name: string) => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw badInput(`${name} must be given once`, name);
    return value;
  };
  const size = one('size') ?? '1';
  if (!isLabelSize(size)) throw badInput(`size must be one of ${Object.keys(LABEL_SIZES).join(', ')} (cm), got "${size.slice(0, 20)}"`, 'size');
  const level = one('level');
  if (level !== undefined && !LEVELS.includes(level as PackLevelName)) throw badInput(`level must be UNIT, CASE or PALLET, got "${level.slice(0, 20)}"`, 'level');
  const position = (name: string, fallback: number) => {
    const text = one(name);
    if (text === undefined) return fallback;
    if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw badInput(`${name} must be a position from 1, got "${text.slice(0, 20)}"`, name);
    return Number(text);
  };
  const from = position('from', 1);
  const to = position('to', Number.MAX_SAFE_INTEGER);
  if (to < from) throw badInput(`to (${to}) is before from (${from})`, 'to');
  const lang = one('lang') ?? 'id';
  if (lang !== 'id' && lang !== 'en') throw badInput(`lang must be id or en, got "${lang.slice(0, 20)}"`, 'lang');
  return { size, level: level as PackLevelName | undefined, from, count: to - from + 1, lang: lang as 'id' | 'en' };
}

/** The id just before the code at `position` (1-based) of a request's codes of `level`; null past the end. */
async function idBefore(deps: ContextDeps, requestId: string, level: PackLevelName | undefined, position: number): Promise<string | null> {
  const { rows } = await deps.pool.query(
    `select (p.id - 1)::text as id from pack p where ${ofRequestSql('p', '$1')} and ($2::pack_level is null or p.level = $2) order by p.id offset $3 limit 1`,
    [requestId, level ?? null, position - 1],
  );
  return rows[0]?.id ?? null;
}

/** Sends a chunk, waiting while the client is slower than the writer; stops when it has gone. */
async function write(res: Response, chunk: string | Buffer) {
  if (res.write(chunk)) return;
  const waiting = new AbortController();
  await Promise.race([once(res, 'drain', { signal: waiting.signal }), once(res, 'close', { signal: waiting.signal })]).finally(() => waiting.abort());
  if (res.destroyed) throw new Error('the client closed the download');
}

/** One code as a line of the printer file, written by the one CSV writer (formulas neutralised). */
function csvRow(row: IssuedRow, linkBase: string): string {
  const code = toIssuedCode(row, linkBase);
  return csvLine([code.level, code.serial, code.sscc, code.text, code.raw, code.digitalLink]);
}

const xml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** XML 1.0 cannot carry the GS separator, so a printer builds FNC1 from the elements. */
function xmlElement(row: IssuedRow, linkBase: string): string {
  const { elements, text, digitalLink } = codeForms(row, linkBase);
  const ais = elements.map((e) => `<element ai="${e.ai}">${xml(e.value)}</element>`).join('');
  const link = digitalLink ? `<digitalLink>${xml(digitalLink)}</digitalLink>` : '';
  return `  <code level="${row.level}">${ais}<text>${xml(text)}</text>${link}</code>\n`;
}
