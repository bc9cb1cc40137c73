import { assertEquals, assertThrows } from "../assert.ts";
import type { SaleLine } from "../../src/model/schema.ts";
import { storeSalesRows } from "../../src/simulator/store_sales_rows.ts";

const line = (overrides: Partial<SaleLine>): SaleLine => ({
  date: "2025-01-02",
  store: "S01",
  city: "Dallas",
  region: "South",
  channel: "Express store",
  department: "Sales",
  category: "Books",
  sub_category: "Fiction",
  customer_id: null,
  transaction_id: "T1",
  quantity: 1,
  amount: 10,
  gallons: null,
  fuel_type: null,
  fuel_price: null,
  ...overrides,
});

const fuel = (type: string, gallons: number, price: number) =>
  line({
    category: "Fuel",
    sub_category: type === "diesel" ? "Diesel" : "Gasoline",
    fuel_type: type,
    gallons,
    fuel_price: price,
    amount: Math.round(gallons * price * 100) / 100,
  });

Deno.test("storeSalesRows() sums lines per store, day, category and department, net of returns", () => {
  const rows = [
    ...storeSalesRows([
      line({ amount: 0.1 }),
      line({ amount: 0.2, sub_category: "Comics" }),
      line({ amount: -0.05, quantity: -1, department: "Customer Service" }),
      line({ store: "S02", amount: 5 }),
      line({ date: "2025-01-03", amount: 7 }),
    ]),
  ];
  assertEquals(
    rows.map((
      r,
    ) => [
      r.sales_date,
      r.store_id,
      r.product_category,
      r.department,
      r.sales_amount,
    ]),
    [
      ["2025-01-02", "S01", "Books", "Customer Service", -0.05],
      ["2025-01-02", "S01", "Books", "Sales", 0.3],
      ["2025-01-02", "S02", "Books", "Sales", 5],
      ["2025-01-03", "S01", "Books", "Sales", 7],
    ],
  );
  assertEquals([rows[0].gallons_sold, rows[0].fuel_type, rows[0].fuel_price], [
    null,
    null,
    null,
  ]);
});

Deno.test("storeSalesRows() gives fuel one row per fuel type with gallons and the day's price", () => {
  const rows = [
    ...storeSalesRows([
      fuel("gasoline", 10.5, 3.299),
      fuel("diesel", 20, 3.899),
      fuel("gasoline", 4.25, 3.299),
    ]),
  ];
  assertEquals(
    rows.map((
      r,
    ) => [
      r.product_category,
      r.fuel_type,
      r.gallons_sold,
      r.fuel_price,
      r.sales_amount,
    ]),
    [
      ["Fuel", "diesel", 20, 3.899, 77.98],
      ["Fuel", "gasoline", 14.75, 3.299, 48.66],
    ],
  );
});

Deno.test("storeSalesRows() gives the volume-weighted price when a day has two prices", () => {
  const [row] = [
    ...storeSalesRows([fuel("gasoline", 10, 3), fuel("gasoline", 30, 4)]),
  ];
  assertEquals(row.fuel_price, 3.75);
});

Deno.test("storeSalesRows() refuses lines out of date order", () => {
  assertThrows(
    () => [
      ...storeSalesRows([
        line({ date: "2025-01-03" }),
        line({ date: "2025-01-02" }),
      ]),
    ],
    RangeError,
    '"2025-01-02" comes after "2025-01-03"',
  );
});
