/**
 * The data model: the fields of a sale line and a customer, the one calendar, and the error for bad input.
 *
 * @module
 */
export { NONE_LABEL, UNKNOWN_LABEL } from "./none_label.ts";
export { compareNames } from "./compare_names.ts";
export * from "./schema.ts";
export * from "./input_error.ts";
export * from "./calendar.ts";
export {
  parseWholeNumber,
  type WholeNumberBounds,
} from "./parse_whole_number.ts";
export { parseRealDate } from "./parse_real_date.ts";
