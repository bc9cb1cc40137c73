/**
 * The label a missing dimension value (no city, no department, no region...)
 * gets in every grouped result, so that groups still add up to the total.
 */
export const NONE_LABEL = "(none)";

/** SQL for a column whose NULLs read as {@linkcode NONE_LABEL}. */
export function labelled(column: string): string {
  return `coalesce(${column}, '${NONE_LABEL}')`;
}
