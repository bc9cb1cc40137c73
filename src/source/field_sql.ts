import {
  type DateOrder,
  dateSql,
  IMPLAUSIBLE_DATE,
  plausibleDateSql,
} from "./parse_date.ts";
import { NOT_FINITE, TOO_LARGE, trimmedNumberSql } from "./parse_number.ts";
import { EXACT_LIMIT } from "../model/schema.ts";
import { sqlIdentifier } from "../model/sql_string.ts";

/** One field to read from a CSV file's text. */
export interface FieldSpec {
  /** The field's name in the converted table. */
  name: string;
  /** The source column as it stands in the file. */
  column: string;
  kind: "date" | "number" | "text";
  /** An empty value is an error. */
  required?: boolean;
  /** A further check: SQL that is true for a bad value `$value`, and what to say. */
  check?: { badWhen: string; problem: string };
}

/** A rule a field's value must keep: SQL true for a bad value, and what to say. */
export interface FieldCheck {
  bad: string;
  problem: string;
}

/** SQL true where the trimmed text `text` is empty (or NULL). */
export function emptySql(text: string): string {
  return `(${text} IS NULL OR ${text} = '')`;
}

/**
 * The rules a field's value must keep, in terms of its trimmed text `text`
 * and its converted value (the column named after the field): `required`,
 * whether it is empty; `checks`, the rest in the order they are tried: a
 * date must be a date and plausible, a number a finite number below
 * EXACT_LIMIT in magnitude, and the field's own check last. Both loading
 * paths use these, so that they keep the same rules.
 */
export function fieldChecks(
  field: FieldSpec,
  text: string,
): { required?: FieldCheck; checks: FieldCheck[] } {
  const empty = emptySql(text);
  const name = sqlIdentifier(field.name);
  const checks: FieldCheck[] = [];
  if (field.kind === "date") {
    checks.push(
      { bad: `NOT ${empty} AND ${name} IS NULL`, problem: "is not a date" },
      { bad: `NOT ${plausibleDateSql(name)}`, problem: IMPLAUSIBLE_DATE },
    );
  } else if (field.kind === "number") {
    checks.push(
      { bad: `NOT ${empty} AND ${name} IS NULL`, problem: "is not a number" },
      { bad: `NOT isfinite(${name})`, problem: NOT_FINITE },
      { bad: `abs(${name}) >= ${EXACT_LIMIT}`, problem: TOO_LARGE },
    );
  }
  if (field.check) {
    checks.push({
      bad: `NOT ${empty} AND (${
        field.check.badWhen.replaceAll("$value", text)
      })`,
      problem: field.check.problem,
    });
  }
  return {
    ...(field.required
      ? { required: { bad: empty, problem: "is empty" } }
      : {}),
    checks,
  };
}

/**
 * A field's value from its trimmed text `text`, read row by row: a number
 * as parseNumber reads it, text with the empty string as NULL, and a date
 * as parseDate reads it in `order` (a plain ISO date by a cast, the same
 * value). Without `order`, a `nn/nn/yyyy` date is read day first: a caller
 * that has not decided the column's order must refuse such dates.
 */
export function fieldValueSql(
  field: FieldSpec,
  text: string,
  order?: DateOrder,
): string {
  if (field.kind === "number") return trimmedNumberSql(text);
  if (field.kind === "text") return `nullif(${text}, '')`;
  return order === undefined
    ? `(CASE WHEN regexp_full_match(${text}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN TRY_CAST(${text} AS DATE) ELSE ${
      dateSql(text, "dmy")
    } END)`
    : dateSql(text, order);
}
