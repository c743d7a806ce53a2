/** Units still to pull of a recall: the sum over its pull list. */
export const unitsToPull = (pullList: ReadonlyArray<{ units: number }>) => pullList.reduce((sum, item) => sum + item.units, 0);

// No barcode parser here: the layout's recall banner uses this file.

/** Holders downstream of the manufacturer: they get the banner and pull recalled stock. */
export const isHolder = (organizationType: string) => organizationType !== 'REGULATOR' && organizationType !== 'MANUFACTURER';

/** Where a recall's pull list opens for this organisation. */
export const pullListPath = (recallId: string, organizationType: string) =>
  isHolder(organizationType) ? `/pull-lists/${encodeURIComponent(recallId)}` : `/recalls/${encodeURIComponent(recallId)}/pull`;
