import type { ReportModel } from "./report_model.ts";

/**
 * A number as JSON should hold it: rounded to 15 significant digits, the
 * precision a double keeps in any arithmetic, so that a sum's binary noise
 * (`12822694.040000048`) reads as the value it stands for (`12822694.04`)
 * while shares and averages keep every digit that means something.
 *
 * @example
 * ```ts
 * import { withoutFloatNoise } from "./report_json.ts";
 * if (withoutFloatNoise(12822694.040000048) !== 12822694.04) throw new Error();
 * if (withoutFloatNoise(0.1 + 0.2) !== 0.3) throw new Error();
 * if (withoutFloatNoise(1 / 3) !== 0.333333333333333) throw new Error();
 * if (withoutFloatNoise(23053) !== 23053) throw new Error();
 * ```
 */
export function withoutFloatNoise(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value)
    ? value
    : Number(value.toPrecision(15));
}

/** `report.json`: the report's model, indented, numbers without float noise. */
export function reportJson(model: ReportModel): string {
  return JSON.stringify(
    model,
    (_key, value) =>
      typeof value === "number" ? withoutFloatNoise(value) : value,
    2,
  ) + "\n";
}
