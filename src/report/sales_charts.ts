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
import type { ChartContext, ChartSlot } from "./slots/chart_slots.ts";
import { coarseAside, oneMonthAside } from "./slots/time_grain_notes.ts";

const when = <T>(rows: readonly T[], draw: (rows: readonly T[]) => Element) =>
  rows.length ? draw(rows) : null;
const without = (dimension: "store" | "region" | "channel" | "category") =>
(
  c: ChartContext,
) => c.absent?.has(dimension) ?? false;
/** At a week grain, a week counts in the month of its first day. */
const byWeeks = (title: string, c: ChartContext) =>
  c.grain === "week"
    ? `${title} (weeks counted in the month they start)`
    : title;

/** The sales section's charts, in page order. */
export const SALES_CHARTS: readonly ChartSlot<ComparedSalesFigures>[] = [
  {
    id: "stores",
    title: "Average daily sales per store",
    omit: without("store"),
    render: (f, c) => when(f.byStore, (r) => storeSalesChart(r, c)),
  },
  {
    id: "weekly",
    title: "Weekly sales",
    aside: (_, c) =>
      c.grain === "month" ? coarseAside("Weekly", c.grain) : null,
    render: (f, c) =>
      when(f.weekly, (r) =>
        weeklySalesChart(r, {
          ...c,
          lastYear: f.comparison?.lastYearWeekly ?? [],
        })),
  },
  {
    id: "daily",
    title: "Daily sales",
    aside: (_, c) => coarseAside("Daily", c.grain),
    render: (f, c) => when(f.daily, (r) => dailySalesChart(r, c)),
  },
  {
    id: "categories",
    title: "Net sales by category",
    omit: without("category"),
    render: (f, c) => when(f.byCategory, (r) => categorySalesChart(r, c)),
  },
  {
    id: "top-categories",
    title: "Top categories in each region",
    omit: without("region"),
    render: (f, c) =>
      when(f.topCategoriesByRegion, (r) => topCategoriesChart(r, c)),
  },
  {
    id: "channels",
    title: "Net sales by channel",
    omit: without("channel"),
    render: (f, c) => when(f.byChannel, (r) => channelSalesChart(r, c)),
  },
  {
    id: "monthly",
    title: "Monthly sales",
    aside: (f) => oneMonthAside(f.monthly),
    render: (f, c) =>
      when(
        f.monthly,
        (r) =>
          monthlySalesChart(r, { ...c, title: byWeeks("Monthly sales", c) }),
      ),
  },
  {
    id: "month-of-year",
    title: "Sales by month of the year",
    aside: (f) => oneMonthAside(f.monthly),
    render: (f, c) =>
      when(f.monthOfYear, (r) =>
        monthOfYearSalesChart(r, {
          ...c,
          title: byWeeks("Sales by month of the year", c),
        })),
  },
  {
    id: "weekday",
    title: "Sales by day of the week",
    aside: (_, c) => coarseAside("Weekday", c.grain),
    render: (f, c) => when(f.weekday, (r) => weekdaySalesChart(r, c)),
  },
  {
    id: "weekday-week-grid",
    title: "Daily sales by week and weekday",
    aside: (_, c) => coarseAside("Daily", c.grain),
    render: (f, c) =>
      when(f.weekdayWeekGrid, (r) => weekdayWeekGridChart(r, c)),
  },
  {
    id: "month-category-grid",
    title: "Monthly sales by category",
    omit: without("category"),
    aside: (f) => oneMonthAside(f.monthly),
    render: (f, c) =>
      when(f.monthCategoryGrid, (r) =>
        monthCategoryGridChart(r, {
          ...c,
          title: byWeeks("Monthly sales by category", c),
        })),
  },
];

/** The fuel section's charts. */
export const FUEL_CHARTS: readonly ChartSlot<SalesFigures>[] = [
  {
    id: "fuel-prices",
    title: "Fuel price by type",
    render: (f, c) => when(f.weeklyFuelPrices, (r) => fuelPriceChart(r, c)),
  },
];
