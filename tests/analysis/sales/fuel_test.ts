import { assertEquals } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { fuelSummary } from "../../../src/analysis/sales/fuel_summary.ts";
import { weeklyFuelPrices } from "../../../src/analysis/sales/weekly_fuel_prices.ts";
import { assertClose, line } from "../fixtures.ts";

function fuel(date: string, type: string, gallons: number, price: number) {
  return line({
    date,
    category: "Fuel",
    quantity: null,
    amount: gallons * price,
    gallons,
    fuel_type: type,
    fuel_price: price,
  });
}

const LINES = [
  fuel("2024-03-04", "Diesel", 10, 4),
  fuel("2024-03-05", "Diesel", 30, 3),
  fuel("2024-03-05", "Gasoline", 20, 3.5),
  fuel("2024-03-12", "Gasoline", 10, 3.8),
  fuel("2024-03-13", "Gasoline", -5, 3.8),
  line({ date: "2024-03-12", category: "Books", amount: 25 }),
];

Deno.test("fuelSummary() weights the average price by volume", async () => {
  const fuel = await fuelSummary(await createDataset({ sales: LINES }));
  assertClose(fuel, {
    revenue: 40 + 90 + 70 + 38 - 19,
    gallons: 65,
    averagePrice: 219 / 65,
    saleLines: 5,
    byType: [
      {
        fuelType: "Diesel",
        revenue: 130,
        gallons: 40,
        averagePrice: 3.25,
        saleLines: 2,
      },
      {
        fuelType: "Gasoline",
        revenue: 89,
        gallons: 25,
        averagePrice: 3.56,
        saleLines: 3,
      },
    ],
  });
});

Deno.test("weeklyFuelPrices() gives each fuel type's volume-weighted price per ISO week", async () => {
  const rows = await weeklyFuelPrices(await createDataset({ sales: LINES }));
  assertClose(
    rows.map((
      r,
    ) => [r.week, r.weekStart, r.fuelType, r.gallons, r.averagePrice]),
    [
      ["2024-W10", "2024-03-04", "Diesel", 40, 3.25],
      ["2024-W10", "2024-03-04", "Gasoline", 20, 3.5],
      ["2024-W11", "2024-03-11", "Gasoline", 5, 3.8],
    ],
  );
});

Deno.test("fuelSummary() answers zeros and no price for data without fuel lines", async () => {
  const data = await createDataset({ sales: LINES.slice(5) });
  assertEquals(await fuelSummary(data), {
    revenue: 0,
    gallons: 0,
    averagePrice: null,
    saleLines: 0,
    byType: [],
  });
  assertEquals(await weeklyFuelPrices(data), []);
});

Deno.test("fuelSummary() honours the filters", async () => {
  const fuel = await fuelSummary(await createDataset({ sales: LINES }), {
    from: "2024-03-05",
    to: "2024-03-05",
  });
  assertClose(
    [fuel.revenue, fuel.gallons, fuel.averagePrice, fuel.byType.length],
    [160, 50, 3.2, 2],
  );
});
