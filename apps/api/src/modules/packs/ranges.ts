/**
 * Pack has no index on its request or its batch. A request records the range of pack ids its
 * packs were issued in (the request_ranges migration), so its packs are read from pack's primary
 * key, and a batch's through the ranges of its requests. A range may also hold packs another
 * request issued at the same moment: `code_request_id` filters them out.
 */

/** The condition that pack `alias` is one of request `param`'s, read in id order from the primary key. */
export const ofRequestSql = (alias: string, param: string) =>
  `${alias}.id between (select first_pack_id from code_request where id = ${param}) and (select last_pack_id from code_request where id = ${param})
   and ${alias}.code_request_id = ${param}`;

/** The units of batch `param`, as a table of pack's rows to select from. */
export const batchUnitsSql = (param: string) =>
  `(select p.* from code_request cr join pack p on p.id between cr.first_pack_id and cr.last_pack_id and p.code_request_id = cr.id
     where cr.batch_id = ${param} and p.level = 'UNIT')`;
