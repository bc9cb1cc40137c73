import type { SalesFigures } from "../figures/sales/sales_figures_from_sums.ts";
import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import {
  categorySalesChart,
  channelSalesChart,
  dailySalesChart,
  fuelPriceChart,
  monthCategoryGridChart,
  monthlySalesChart,
  monthOfYearSalesChart,
  storeSalesChart,
  topCategoriesChart,
  weekdaySalesChart,
  weekdayWeekGridChart,
  weeklySalesChart,
} from "../charts/mod.ts";
import type { ChartSlot } from "./render_sales_view.ts";

const when = <T>(rows: readonly T[], draw: (rows: readonly T[]) => Element) =>
  rows.length ? draw(rows) : null;

/** The sales section's charts, in page order. */
export const SALES_CHARTS: readonly ChartSlot<ComparedSalesFigures>[] = [
  {
    id: "stores",
    render: (f, c) => when(f.byStore, (r) => storeSalesChart(r, c)),
  },
  {
    id: "weekly",
    render: (f, c) =>
      when(f.weekly, (r) =>
        weeklySalesChart(r, {
          ...c,
          lastYear: f.comparison?.lastYearWeekly ?? [],
        })),
  },
  {
    id: "daily",
    render: (f, c) => when(f.daily, (r) => dailySalesChart(r, c)),
  },
  {
    id: "categories",
    render: (f, c) => when(f.byCategory, (r) => categorySalesChart(r, c)),
  },
  {
    id: "top-categories",
    render: (f, c) =>
      when(f.topCategoriesByRegion, (r) => topCategoriesChart(r, c)),
  },
  {
    id: "channels",
    render: (f, c) => when(f.byChannel, (r) => channelSalesChart(r, c)),
  },
  {
    id: "monthly",
    render: (f, c) => when(f.monthly, (r) => monthlySalesChart(r, c)),
  },
  {
    id: "month-of-year",
    render: (f, c) => when(f.monthOfYear, (r) => monthOfYearSalesChart(r, c)),
  },
  {
    id: "weekday",
    render: (f, c) => when(f.weekday, (r) => weekdaySalesChart(r, c)),
  },
  {
    id: "weekday-week-grid",
    render: (f, c) =>
      when(f.weekdayWeekGrid, (r) => weekdayWeekGridChart(r, c)),
  },
  {
    id: "month-category-grid",
    render: (f, c) =>
      when(f.monthCategoryGrid, (r) => monthCategoryGridChart(r, c)),
  },
];

/** The fuel section's charts. */
export const FUEL_CHARTS: readonly ChartSlot<SalesFigures>[] = [
  {
    id: "fuel-prices",
    render: (f, c) => when(f.weeklyFuelPrices, (r) => fuelPriceChart(r, c)),
  },
];
