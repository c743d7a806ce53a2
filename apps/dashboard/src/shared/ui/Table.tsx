import type { ReactNode } from 'react';
import './table.css';
import { formatDay, formatTime } from './format';

export interface Column<Row> {
  key: string;
  header: ReactNode;
  /** The column's name where the header is not plain text (a select-all box): read on phones and by screen readers. */
  label?: string;
  cell: (row: Row) => ReactNode;
  /** Long values (addresses): given room to wrap. */
  wide?: boolean;
  /** Codes and short labels: kept on one line. */
  nowrap?: boolean;
  /**
   * Long names: cut to one line with an ellipsis, the whole value shown on hover. Returns the
   * full text for the tooltip.
   */
  truncate?: (row: Row) => string | null | undefined;
  /** Kept in view at the left edge while the rest of the row is read (actions, status). */
  sticky?: boolean;
  /** A narrow column (a checkbox, a count). */
  narrow?: boolean;
  /** With `truncate`: cut sooner (about 10 rem), for a status with its reason, a name beside wide neighbours. */
  narrowText?: boolean;
}

interface TableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Marks a row as chosen (selected in a list with bulk actions, or opened). */
  rowSelected?: (row: Row) => boolean;
}

/**
 * A data table. It fits its frame at a laptop's width: long names are cut with the full name on
 * hover, actions and status come first. On a phone each row becomes a card whose cells carry
 * their column name (`data-label`), so nothing needs scrolling sideways.
 */
export function Table<Row>({ caption, columns, rows, rowKey, rowSelected }: TableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column)} aria-label={column.label}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowSelected?.(row) ? 'row-selected' : undefined}>
              {columns.map((column) => {
                const full = column.truncate?.(row);
                return (
                  <td key={column.key} data-label={column.label ?? (typeof column.header === 'string' ? column.header : '')} className={cellClass(column)}>
                    <div className="cell-value" title={full || undefined}>
                      {column.cell(row)}
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: Column<never>): string | undefined {
  const classes = [
    column.wide ? 'cell-wide' : '',
    column.nowrap ? 'cell-nowrap' : '',
    column.truncate ? 'cell-truncate' : '',
    column.sticky ? 'cell-sticky' : '',
    column.narrow ? 'cell-narrow' : '',
    column.narrowText ? 'cell-narrow-text' : '',
  ].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

/** A time as its date over its time of day: two short lines instead of one long one. */
export function DateAndTime({ at }: { at: string | null | undefined }): ReactNode {
  if (!at) return <span aria-hidden="true">–</span>;
  return (
    <span className="date-time">
      <span>{formatDay(at)}</span> <span className="product-nie">{formatTime(at)}</span>
    </span>
  );
}

/** A dash for a missing value, read out as nothing. */
export function orDash(value: string | null | undefined): ReactNode {
  return value ? value : <span aria-hidden="true">–</span>;
}
