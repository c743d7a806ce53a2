import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Long values (addresses): given room to wrap. */
  wide?: boolean;
  /** Codes and short labels: kept on one line. */
  nowrap?: boolean;
}

interface TableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/**
 * A data table. On a phone each row becomes a card whose cells carry their column name
 * (`data-label`), so nothing needs scrolling sideways.
 */
export function Table<Row>({ caption, columns, rows, rowKey }: TableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} data-label={column.header} className={cellClass(column)}>
                  <div className="cell-value">{column.cell(row)}</div>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass(column: Column<never>): string | undefined {
  const classes = [column.wide ? 'cell-wide' : '', column.nowrap ? 'cell-nowrap' : ''].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
}

/** A dash for a missing value, read out as nothing. */
export function orDash(value: string | null | undefined): ReactNode {
  return value ? value : <span aria-hidden="true">–</span>;
}
