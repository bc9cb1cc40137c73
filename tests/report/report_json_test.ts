import { assertEquals, assertOk } from "../assert.ts";
import { reportJson } from "../../src/report/report_json.ts";
import type { ReportModel } from "../../src/report/report_model.ts";
import { noisyNumbers } from "./noisy_numbers.ts";

Deno.test("reportJson() writes sums without float noise and keeps the digits of shares", () => {
  const model = {
    sales: {
      total: 12822694.040000048,
      share: 0.2639513048000587,
      lines: 23053,
      average: 0.1 + 0.2,
    },
  } as unknown as ReportModel;
  const json = reportJson(model);
  assertEquals(JSON.parse(json), {
    sales: {
      total: 12822694.04,
      share: 0.263951304800059,
      lines: 23053,
      average: 0.3,
    },
  });
  assertEquals(noisyNumbers(json), []);
  assertOk(json.endsWith("}\n"));
});
