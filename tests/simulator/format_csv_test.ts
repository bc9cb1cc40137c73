import { assertEquals, assertThrows } from "../assert.ts";
import {
  customerCsv,
  formatCsvRow,
  saleLineCsv,
} from "../../src/simulator/format_csv.ts";
import { CUSTOMER_COLUMNS } from "../../src/model/schema.ts";
import { SIMULATED_SALES_COLUMNS } from "../../src/simulator/format_csv.ts";
import { simulateRetail } from "../../src/simulator/simulate_retail.ts";

Deno.test("formatCsvRow() writes plain fields as they are and missing values as empty fields", () => {
  assertEquals(
    formatCsvRow(["S01", null, undefined, 3, -12.5]),
    "S01,,,3,-12.5\n",
  );
});

Deno.test("formatCsvRow() quotes fields with commas, quotes or line breaks, and the empty string", () => {
  assertEquals(
    formatCsvRow(["Audio, video", 'a "b"', "line\nbreak", ""]),
    '"Audio, video","a ""b""","line\nbreak",""\n',
  );
});

Deno.test("formatCsvRow() writes cents exactly, without float noise", () => {
  assertEquals(
    formatCsvRow([Math.round((0.1 + 0.2) * 100) / 100, 1e-7 + 0]),
    "0.3,1e-7\n",
  );
});

Deno.test("formatCsvRow() refuses numbers that are not finite", () => {
  assertThrows(() => formatCsvRow([NaN]), RangeError, "NaN");
});

Deno.test("saleLineCsv() and customerCsv() write the fields in the data model's column order", () => {
  const sim = simulateRetail({ customers: 200, days: 14 });
  let checked = 0;
  for (const line of sim.sales) {
    const record = line as unknown as Record<string, string | number | null>;
    assertEquals(
      saleLineCsv(line),
      formatCsvRow(SIMULATED_SALES_COLUMNS.map((c) => record[c.name])),
    );
    checked++;
  }
  for (const customer of sim.customers) {
    const record = customer as unknown as Record<string, string | null>;
    assertEquals(
      customerCsv(customer),
      formatCsvRow(CUSTOMER_COLUMNS.map((c) => record[c.name])),
    );
  }
  assertEquals(checked > 100, true);
  const fuel = [...sim.sales].find((l) => l.category === "Fuel")!;
  assertEquals(
    saleLineCsv({ ...fuel, store: 'Main St, "A"' }).split(",").slice(1, 3),
    ['"Main St', ' ""A"""'],
  );
});
