import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import { numberFormats } from "../figures/format/number_formats.ts";
import type { ValueFigures } from "../figures/value/value_figures.ts";
import type { ReportModel, ReportParameters } from "../report/report_model.ts";
import type { DataSummary } from "../source/data_summary.ts";
import type { LoadReport } from "../source/load_report.ts";
import type { SqlEngine } from "../source/sql_engine.ts";
import { isWarehouseUrl, redactedUrl } from "../source/warehouse/pg_url.ts";
import type { BuildReportOptions } from "./build_report_options.ts";
import {
  type CustomerFigures,
  customerModel,
} from "../report/customer_model.ts";
import { runIdFor } from "./run_id_for.ts";

/** What a warehouse engine has done for the report so far. */
export function engineFacts(
  engine: SqlEngine,
  load: LoadReport,
): NonNullable<ReportModel["data"]["engine"]> {
  const stats = engine.stats();
  return {
    name: stats.engine,
    rowsScanned: load.rowsRead,
    queries: stats.queries,
    rowsReturned: stats.rowsReturned,
    bytesReturned: stats.bytesReturned ?? 0,
  };
}

/** What report.json holds: the build's parameters, the data's facts and both halves' figures. */
export function reportModel(parts: {
  options: BuildReportOptions;
  started: Date;
  source: string;
  load: LoadReport;
  summary: DataSummary;
  fingerprint: string;
  sales: ComparedSalesFigures;
  customers: CustomerFigures | null;
  engine?: ReportModel["data"]["engine"];
  value: ValueFigures | null;
}): ReportModel {
  const { options, load, summary, sales, customers } = parts;
  const parameters: ReportParameters = {
    // A warehouse URL without its password (see redactedUrl).
    data: options.source.data === undefined
      ? null
      : isWarehouseUrl(options.source.data)
      ? redactedUrl(options.source.data)
      : options.source.data,
    map: options.source.map
      ? { ...options.source.map } as Record<string, string>
      : null,
    dateFormat: options.source.dateFormat ?? null,
    onBadRows: options.source.onBadRows ?? "fail",
    seed: options.seed,
    asOf: options.asOf ?? null,
    k: options.k ?? null,
    topN: options.topN ?? 2,
    filters: options.filters ?? {},
    currency: numberFormats(options).currency,
    locale: numberFormats(options).locale,
  };
  return {
    schema: "basket-report/1",
    runId: runIdFor(parts.started),
    generatedAt: parts.started.toISOString(),
    parameters,
    data: {
      source: parts.source,
      kind: load.kind,
      files: load.files,
      encodings: load.encodings,
      rows: load.rowsRead,
      rejectedRows: load.rowsRejected,
      rejectReasons: load.rejectReasons,
      returns: summary.returns,
      duplicates: load.duplicateLines,
      lookups: load.lookups,
      from: summary.from,
      to: summary.to,
      stores: summary.stores,
      customers: summary.customers,
      columns: load.columns,
      fingerprint: parts.fingerprint,
      ...(parts.engine ? { engine: parts.engine } : {}),
    },
    sales: { total: sales.headline.totalSales, ...sales },
    customers: customers ? customerModel(customers) : null,
    value: parts.value,
  };
}
