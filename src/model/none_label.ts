/**
 * The label a missing dimension value (no city, no department, no region...)
 * gets in every grouped result, so that groups still add up to the total.
 */
export const NONE_LABEL = "(none)";

/** SQL for a column whose NULLs read as {@linkcode NONE_LABEL}. */
export function labelled(column: string): string {
  return `coalesce(${column}, '${NONE_LABEL}')`;
}

/**
 * The label of a value that a sale line points to but its lookup file lacks:
 * a customer id missing from the customers file, a sub-category code missing
 * from the product categories file.
 */
export const UNKNOWN_LABEL = "(unknown)";
