import type { DailySalesRow } from "../figures/sales/series_from_days.ts";
import { MAX_GAP_DAYS } from "../figures/sales/day_totals.ts";
import type { SalesFigures } from "../figures/sales/sales_figures_from_sums.ts";
import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import type { TableColumn, TableSpec } from "./table_spec.ts";
import { comparisonTables, withComparison } from "./comparison_tables.ts";

const totals = (key: string, label: string): TableColumn[] => [
  { key, label, kind: "text" },
  { key: "totalSales", label: "Net sales", kind: "money" },
  { key: "grossSales", label: "Gross sales", kind: "money" },
  { key: "returnsValue", label: "Returns", kind: "money" },
  { key: "saleLines", label: "Lines", kind: "integer" },
  { key: "share", label: "Share", kind: "percent" },
];

/** The sales tables of the report, in page order, from one selection's figures. */
export function salesTables(
  figures: ComparedSalesFigures,
  options: { subCategoryNote?: string } = {},
): TableSpec[] {
  const rows = <T extends object>(list: readonly T[]) =>
    list as unknown as Record<string, unknown>[];
  const compared = (
    table: TableSpec,
    group: "category" | "store" | "channel",
  ) => withComparison(table, figures.comparison, group, group);
  const tables: TableSpec[] = [
    compared({
      id: "stores",
      title: "Sales by store",
      columns: [
        { key: "store", label: "Store", kind: "text" },
        { key: "city", label: "City", kind: "text" },
        {
          key: "averageDailySales",
          label: "Average daily sales",
          kind: "money",
        },
        { key: "tradingDays", label: "Trading days", kind: "integer" },
        { key: "totalSales", label: "Net sales", kind: "money" },
      ],
      rows: rows(figures.byStore),
    }, "store"),
    compared({
      id: "categories",
      title: "Sales by category",
      columns: totals("category", "Category"),
      rows: rows(figures.byCategory),
    }, "category"),
    {
      id: "sub-categories",
      title: "Sales by sub-category",
      columns: [
        { key: "category", label: "Category", kind: "text" },
        ...totals("sub_category", "Sub-category"),
      ],
      rows: rows(figures.bySubCategory),
      folded: true,
      ...(options.subCategoryNote ? { note: options.subCategoryNote } : {}),
    },
    {
      id: "departments",
      title: "Sales by department",
      columns: totals("department", "Department"),
      rows: rows(figures.byDepartment),
    },
    compared({
      id: "channels",
      title: "Sales by channel",
      columns: totals("channel", "Channel"),
      rows: rows(figures.byChannel),
    }, "channel"),
    ...comparisonTables(figures),
    {
      id: "category-share-by-channel",
      title: "Category share within each channel",
      columns: shareColumns("Channel"),
      rows: rows(figures.categorySharesByChannel),
      folded: true,
    },
    {
      id: "category-share-by-region",
      title: "Category share within each region",
      columns: shareColumns("Region"),
      rows: rows(figures.categorySharesByRegion),
      folded: true,
    },
    {
      id: "top-categories-by-region",
      title: "Top categories in each region",
      columns: [
        { key: "region", label: "Region", kind: "text" },
        { key: "rank", label: "Rank", kind: "integer" },
        { key: "category", label: "Category", kind: "text" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        { key: "share", label: "Share of region", kind: "percent" },
      ],
      rows: rows(figures.topCategoriesByRegion),
    },
    {
      id: "weekly",
      title: "Weekly sales",
      columns: [
        { key: "week", label: "ISO week", kind: "text" },
        { key: "weekStart", label: "Monday", kind: "text" },
        { key: "days", label: "Days", kind: "integer" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        { key: "saleLines", label: "Lines", kind: "integer" },
        { key: "change", label: "Week over week", kind: "change" },
      ],
      rows: rows(figures.weekly),
      folded: true,
    },
    {
      id: "monthly",
      title: "Monthly sales",
      columns: [
        { key: "month", label: "Month", kind: "text" },
        { key: "days", label: "Days", kind: "integer" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        { key: "saleLines", label: "Lines", kind: "integer" },
        { key: "change", label: "Month over month", kind: "change" },
      ],
      rows: rows(figures.monthly),
      folded: true,
    },
    {
      id: "daily",
      title: "Daily sales",
      columns: [
        { key: "date", label: "Date", kind: "text" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        { key: "saleLines", label: "Lines", kind: "integer" },
        { key: "movingAverage", label: "7-day average", kind: "money" },
      ],
      rows: rows(figures.daily),
      ...gapNote(figures.daily),
      folded: true,
    },
    {
      id: "month-of-year",
      title: "Sales by month of year",
      columns: [
        { key: "monthName", label: "Month", kind: "text" },
        { key: "days", label: "Days", kind: "integer" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        {
          key: "averageDailySales",
          label: "Average daily sales",
          kind: "money",
        },
      ],
      rows: rows(figures.monthOfYear),
      folded: true,
    },
    {
      id: "weekday",
      title: "Sales by weekday",
      columns: [
        { key: "weekdayName", label: "Weekday", kind: "text" },
        { key: "days", label: "Days", kind: "integer" },
        { key: "totalSales", label: "Net sales", kind: "money" },
        {
          key: "averageDailySales",
          label: "Average daily sales",
          kind: "money",
        },
      ],
      rows: rows(figures.weekday),
    },
  ];
  return tables;
}

/** The fuel tables, when the selection has fuel lines. */
export function fuelTables(figures: SalesFigures): TableSpec[] {
  if (!figures.fuel) return [];
  return [{
    id: "fuel-by-type",
    title: "Fuel by type",
    columns: [
      { key: "fuelType", label: "Fuel type", kind: "text" },
      { key: "revenue", label: "Revenue", kind: "money" },
      { key: "gallons", label: "Gallons", kind: "number" },
      {
        key: "averagePrice",
        label: "Average price per gallon (volume-weighted)",
        kind: "money",
      },
      { key: "saleLines", label: "Lines", kind: "integer" },
    ],
    rows: figures.fuel.byType as unknown as Record<string, unknown>[],
  }, {
    id: "fuel-weekly-prices",
    title: "Weekly fuel prices",
    columns: [
      { key: "week", label: "ISO week", kind: "text" },
      { key: "fuelType", label: "Fuel type", kind: "text" },
      { key: "averagePrice", label: "Average price per gallon", kind: "money" },
      { key: "gallons", label: "Gallons", kind: "number" },
      { key: "revenue", label: "Revenue", kind: "money" },
    ],
    rows: figures.weeklyFuelPrices as unknown as Record<string, unknown>[],
    folded: true,
  }];
}

function shareColumns(group: string): TableColumn[] {
  return [
    { key: "group", label: group, kind: "text" },
    { key: "category", label: "Category", kind: "text" },
    { key: "totalSales", label: "Net sales", kind: "money" },
    { key: "share", label: `Share of ${group.toLowerCase()}`, kind: "percent" },
  ];
}

/** The daily table's note when a long gap without sales was left out. */
function gapNote(daily: readonly DailySalesRow[]): { note?: string } {
  const gaps = daily.filter((r) => r.gapBefore);
  if (!gaps.length) return {};
  const days = gaps.reduce((sum, r) => sum + (r.gapBefore ?? 0), 0);
  return {
    note: `${
      days.toLocaleString("en-US")
    } days without sales left out, in ${gaps.length} gap${
      gaps.length === 1 ? "" : "s"
    } of more than ${MAX_GAP_DAYS} days (before ${
      gaps.map((r) => r.date).slice(0, 5).join(", ")
    }${gaps.length > 5 ? "..." : ""}).`,
  };
}
