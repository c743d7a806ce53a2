/**
 * The EPCIS 2.0 REST binding under `/epcis` (GS1 openapi.yaml): discovery, capture, capture
 * jobs and event queries. Authenticated as every Jejak route is (bearer token or API key); every
 * error is an `application/problem+json` naming a standard EPCIS exception.
 */
import { Router, type Request, type Response, type NextFunction } from 'express';
import { createContext, requestInfo, type Context, type ContextDeps } from '../../context.js';
import { requirePrincipal } from '../../shared/auth.js';
import { discardBody, requestBody, requireUtf8 } from '../../shared/body.js';
import { logger } from '../../shared/logger.js';
import { contextOf, PER_PAGE, queryDocument, type ErrorBehaviour } from './epcis.service.js';
import { EpcisError, problemOf, toProblem } from './problems.js';
import { PAGING_PARAMS, positive, readQuery, type Found } from './query.js';
import { withDigitalLinks } from './identifiers.js';
import { CBV_VERSION, EPCIS_LIMITS, EPCIS_VERSION, EVENT_TYPES } from './vocabulary.js';
import { xmlDocument, xmlEvent } from './xml.js';

const JSON_TYPES = ['application/ld+json', 'application/json'];
const XML_TYPES = ['application/xml', 'text/xml'];
const BODY_LIMITS = { wireBytes: EPCIS_LIMITS.captureBytes, decodedBytes: EPCIS_LIMITS.captureBytes };
/** A named query or a subscription. */
const SMALL_BODY = { wireBytes: 64 * 1024, decodedBytes: 64 * 1024 };

/** The headers every answer of the binding carries. */
function versionHeaders(res: Response) {
  res.setHeader('GS1-EPCIS-Version', EPCIS_VERSION);
  res.setHeader('GS1-EPCIS-Min', EPCIS_VERSION);
  res.setHeader('GS1-EPCIS-Max', EPCIS_VERSION);
  res.setHeader('GS1-CBV-Version', CBV_VERSION);
  res.setHeader('GS1-CBV-Min', CBV_VERSION);
  res.setHeader('GS1-CBV-Max', CBV_VERSION);
  res.setHeader('GS1-Extensions', '');
  res.setHeader('GS1-Vendor-Version', 'Jejak');
}

/**
 * Events are answered as they were captured (`Never_Translates`), or with their EPCs as GS1
 * Digital Links when the request asks `GS1-EPC-Format: Always_GS1_Digital_Link`. EPC URNs are
 * not made from Digital Links (that needs each company prefix's length).
 */
const EPC_FORMAT = 'Never_Translates';

function epcFormat(req: Request, res: Response): (found: Found) => Found {
  const asked = String(req.headers['gs1-epc-format'] ?? '').trim();
  if (asked === 'Always_GS1_Digital_Link') {
    res.setHeader('GS1-EPC-Format', asked);
    return (found) => ({ ...found, document: withDigitalLinks(found.document) });
  }
  res.setHeader('GS1-EPC-Format', EPC_FORMAT);
  return (found) => found;
}

function captureHeaders(res: Response) {
  res.setHeader('GS1-EPCIS-Capture-Limit', String(EPCIS_LIMITS.captureEvents));
  res.setHeader('GS1-EPCIS-Capture-File-Size-Limit', String(EPCIS_LIMITS.captureBytes));
  res.setHeader('GS1-Capture-Error-Behaviour', 'rollback, proceed');
}

type Handler = (req: Request, res: Response, ctx: Context) => Promise<void>;

export function epcisRoutes(deps: ContextDeps): Router {
  const router = Router();
  const epcis = deps.services.epcis;

  /** Authenticates, then runs `handler`; any error becomes a problem+json. */
  const route =
    (handler: Handler) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      versionHeaders(res);
      try {
        const ctx = await createContext(deps, requestInfo(req, deps.trustProxy));
        requirePrincipal(ctx);
        res.setHeader('Cache-Control', 'private, no-store');
        await handler(req, res, ctx);
      } catch (error) {
        if (req.destroyed && !req.complete) return;
        await discardBody(req, res, error);
        if (res.headersSent) {
          next(error);
          return;
        }
        let problem = toProblem(error);
        if (!problem) {
          logger.error({ err: error }, 'unexpected error in an EPCIS request');
          problem = problemOf('ImplementationException', 500, 'Something failed on the server; it has been logged');
        }
        res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
      }
    };

  const discovery = (allow: string, extra?: (res: Response) => void) =>
    route(async (_req, res) => {
      res.setHeader('Allow', allow);
      res.setHeader('GS1-EPC-Format', `${EPC_FORMAT}, Always_GS1_Digital_Link`);
      extra?.(res);
      res.status(204).end();
    });

  router.options('/epcis', discovery('OPTIONS, GET'));
  router.get(
    '/epcis',
    route(async (_req, res) => {
      res.json(['capture', 'events', 'eventTypes', 'queries']);
    }),
  );
  router.options('/epcis/capture', discovery('OPTIONS, GET, POST', captureHeaders));
  router.options('/epcis/events', discovery('OPTIONS, GET, POST'));
  router.get(
    '/epcis/eventTypes',
    route(async (_req, res) => {
      res.json({ '@set': [...EVENT_TYPES] });
    }),
  );

  router.post(
    '/epcis/capture',
    route(async (req, res, ctx) => {
      captureHeaders(res);
      const behaviour = errorBehaviour(req.headers['gs1-capture-error-behaviour']);
      const document = await readEpcis(req, 'document');
      const id = await epcis.capture(ctx, document, behaviour);
      deps.replicas.wrote(req.headers.authorization);
      res.setHeader('Location', `/epcis/capture/${id}`);
      res.status(202).end();
    }),
  );
  router.get('/epcis/capture', route(async (_req, res, ctx) => void res.json(await epcis.captureJobs(ctx))));
  router.get(
    '/epcis/capture/:id',
    route(async (req, res, ctx) => {
      res.json(await epcis.captureJob(ctx, String(req.params.id)));
    }),
  );

  router.post(
    '/epcis/events',
    route(async (req, res, ctx) => {
      const eventId = await epcis.addEvent(ctx, await readEpcis(req, 'event'));
      deps.replicas.wrote(req.headers.authorization);
      res.setHeader('Location', `/epcis/events/${encodeURIComponent(eventId)}`);
      res.status(201).end();
    }),
  );
  /** A page of events answering `params` (of the URL, or a named query's with the URL's paging). */
  const answerPage = async (req: Request, res: Response, ctx: Context, params: Record<string, unknown>, path: string, queryName?: string) => {
    const query = readQuery(params);
    const paging = req.query as Record<string, unknown>;
    const perPage = paging.perPage === undefined ? PER_PAGE.default : positive('perPage', paging.perPage);
    if (perPage > PER_PAGE.max) throw new EpcisError('QueryParameterException', 400, `perPage ${perPage} is over ${PER_PAGE.max}`);
    const token = paging.nextPageToken === undefined ? null : String(paging.nextPageToken);
    const page = await epcis.events(ctx, query, perPage, token);
    const format = epcFormat(req, res);
    if (page.next) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(queryName ? {} : params)) {
        if ((PAGING_PARAMS as readonly string[]).includes(name)) continue;
        for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
      }
      search.set('perPage', String(perPage));
      search.set('nextPageToken', page.next);
      res.setHeader('Link', `<${path}?${search.toString()}>; rel="next"`);
    }
    res.type('application/ld+json').send(JSON.stringify(queryDocument(page.events.map(format), page.next, queryName)));
  };
  router.get(
    '/epcis/events',
    route(async (req, res, ctx) => answerPage(req, res, ctx, req.query as Record<string, unknown>, '/epcis/events')),
  );
  router.get(
    '/epcis/events/:eventID',
    route(async (req, res, ctx) => {
      const found = epcFormat(req, res)(await epcis.event(ctx, String(req.params.eventID)));
      const { context } = contextOf([found]);
      res.type('application/ld+json').send(JSON.stringify({ '@context': context, ...found.document }));
    }),
  );

  const subscriptions = deps.services.subscriptions;
  const name = (req: Request) => String(req.params.name);
  router.options('/epcis/queries', discovery('OPTIONS, GET, POST'));
  router.post(
    '/epcis/queries',
    route(async (req, res, ctx) => {
      const created = await subscriptions.createQuery(ctx, await readJson(req, SMALL_BODY));
      res.setHeader('Location', `/epcis/queries/${encodeURIComponent(created)}`);
      res.status(201).end();
    }),
  );
  router.get('/epcis/queries', route(async (_req, res, ctx) => void res.json(await subscriptions.queries(ctx))));
  router.get('/epcis/queries/:name', route(async (req, res, ctx) => void res.json(await subscriptions.query(ctx, name(req)))));
  router.delete(
    '/epcis/queries/:name',
    route(async (req, res, ctx) => {
      await subscriptions.deleteQuery(ctx, name(req));
      res.status(204).end();
    }),
  );
  router.get(
    '/epcis/queries/:name/events',
    route(async (req, res, ctx) => {
      const stored = await subscriptions.query(ctx, name(req));
      await answerPage(req, res, ctx, stored.query, `/epcis/queries/${encodeURIComponent(stored.name)}/events`, stored.name);
    }),
  );
  router.options('/epcis/queries/:name/subscriptions', discovery('OPTIONS, GET, POST'));
  router.post(
    '/epcis/queries/:name/subscriptions',
    route(async (req, res, ctx) => {
      const id = await subscriptions.subscribe(ctx, name(req), await readJson(req, SMALL_BODY));
      res.setHeader('Location', `/epcis/queries/${encodeURIComponent(name(req))}/subscriptions/${id}`);
      res.status(201).json({ subscriptionID: id });
    }),
  );
  router.get('/epcis/queries/:name/subscriptions', route(async (req, res, ctx) => void res.json(await subscriptions.subscriptions(ctx, name(req)))));
  router.get(
    '/epcis/queries/:name/subscriptions/:id',
    route(async (req, res, ctx) => void res.json(await subscriptions.subscription(ctx, name(req), String(req.params.id)))),
  );
  router.delete(
    '/epcis/queries/:name/subscriptions/:id',
    route(async (req, res, ctx) => {
      await subscriptions.unsubscribe(ctx, name(req), String(req.params.id));
      res.status(204).end();
    }),
  );

  router.use('/epcis', (req, res) => {
    versionHeaders(res);
    const problem = problemOf('NoSuchResourceException', 404, `No EPCIS resource ${req.method} /epcis${req.path}`);
    res.status(404).type('application/problem+json').send(JSON.stringify(problem));
  });
  return router;
}

function errorBehaviour(header: string | string[] | undefined): ErrorBehaviour {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (!value || value === 'rollback') return 'rollback';
  if (value === 'proceed') return 'proceed';
  throw new EpcisError('ValidationException', 400, `GS1-Capture-Error-Behaviour "${header}" must be rollback or proceed`);
}

/** A document or an event, as JSON (JSON-LD) or XML, in the JSON form. */
async function readEpcis(req: Request, kind: 'document' | 'event'): Promise<unknown> {
  if (!req.is(XML_TYPES)) return readJson(req, BODY_LIMITS, `Send the ${kind} as application/ld+json, application/json or application/xml`);
  requireUtf8(req.headers['content-type']);
  const text = await readText(req, BODY_LIMITS);
  return kind === 'document' ? xmlDocument(text) : xmlEvent(text);
}

async function readText(req: Request, limits: typeof BODY_LIMITS): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of requestBody(req, limits)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The request's JSON body, within `limits`. */
async function readJson(req: Request, limits = BODY_LIMITS, types = 'Send the body as application/json'): Promise<unknown> {
  if (!req.is(JSON_TYPES)) {
    throw new EpcisError('UnsupportedMediaTypeException', 415, `${types}, not ${req.headers['content-type'] ?? 'no Content-Type'}`);
  }
  requireUtf8(req.headers['content-type']);
  const text = await readText(req, limits);
  try {
    return JSON.parse(text);
  } catch (error) {
    logger.debug({ err: error }, 'EPCIS body is not JSON');
    throw new EpcisError('ValidationException', 400, `The body is not JSON: ${(error as Error).message}`);
  }
}
