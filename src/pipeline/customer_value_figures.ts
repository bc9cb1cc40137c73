import type { CustomerTable } from "../analysis/segments/customer_table.ts";
import { historyBatches } from "../analysis/segments/history_batches.ts";
import {
  dropHistoriesTable,
  type HistoriesTable,
  historiesTable,
  readHistories,
} from "../analysis/segments/purchase_histories.ts";
import { CLUSTER_SAMPLE_ABOVE } from "../analysis/segments/sampled_clusters.ts";
import {
  fitValueModels,
  type ValueModels,
} from "../figures/value/fit_value_models.ts";
import {
  type HoldoutFigures,
  holdoutFiguresOf,
  type HoldoutPass,
  holdoutPass,
} from "../figures/value/holdout_figures.ts";
import {
  type ValueFigures,
  valueFiguresOf,
  valueSettings,
} from "../figures/value/value_figures.ts";
import { type ValuePass, valuePass } from "../figures/value/value_pass.ts";
import { CliError } from "../model/cli_error.ts";
import { NONE_LABEL } from "../model/none_label.ts";
import type { Dataset } from "../source/dataset.ts";

/**
 * Above this many customers the value models are fitted on a seeded
 * sample of this many (the bound of the clustering's own sample), and
 * every customer is then predicted. See docs/report.md, "Customer value".
 */
export const VALUE_SAMPLE_ABOVE = CLUSTER_SAMPLE_ABOVE;

/** Options for {@linkcode customerValueFigures}. */
export interface CustomerValueFiguresOptions {
  /** The report's as-of date: later sales are left out. */
  asOf?: string | undefined;
  /** The first day of the holdout period of the papers' check. */
  holdoutFrom?: string | undefined;
  /** Horizon of expected purchases, weeks. */
  weeks?: number | undefined;
  /** Discount rate per month of the 12-month value. */
  monthlyDiscount?: number | undefined;
  /** Seed of the sample the models are fitted on above `sampleAbove`. Default 1. */
  seed?: number | undefined;
  /** Customers the models are fitted on at most: above, a seeded sample of this many. Default VALUE_SAMPLE_ABOVE. */
  sampleAbove?: number;
  /** Customers read at a time. Default STREAM_BATCH. */
  batchRows?: number;
  /** Values held at most to find the distribution's 99th percentile (see rankSelector). */
  held?: number;
}

/**
 * The report's customer-value figures, holding nothing per customer but a
 * batch and the models' fitting sample: each customer's purchase history
 * up to the as-of date summarised in SQL into a temporary table; the
 * models fitted to every customer's, or above `sampleAbove` customers to
 * a seeded sample of that many (the figures then say `fitSample`); every
 * customer predicted in one stream of the table JOINed with the customer
 * table (segment and cluster), in id order, the figures summed batch by
 * batch (valuePass) to the same bits as over one batch. With
 * `holdoutFrom`, the models fitted again to the days before it (sampled
 * the same way) and checked against the purchases from it on, in a
 * stream of its own. A holdout date outside the purchases is a usage
 * error. The temporary tables are dropped, even on failure.
 */
export async function customerValueFigures(
  data: Dataset,
  table: CustomerTable,
  options: CustomerValueFiguresOptions,
): Promise<ValueFigures> {
  const to = options.asOf ? { to: options.asOf } : {};
  const made: HistoriesTable[] = [];
  try {
    const histories = await historiesTable(data, {
      ...to,
      name: "value_histories",
    });
    made.push(histories);
    let holdout: HoldoutFigures | null = null;
    if (options.holdoutFrom !== undefined) {
      const from = options.holdoutFrom;
      if (!(from <= histories.calibrationEnd)) {
        throw new CliError(
          `Cannot use --holdout-from ${from}: the purchases end on ${histories.calibrationEnd}`,
        );
      }
      let calibration: HistoriesTable;
      try {
        calibration = await historiesTable(data, {
          ...to,
          holdoutFrom: from,
          name: "value_calibration",
        });
      } catch (error) {
        throw new CliError(
          `Cannot use --holdout-from ${from}: ${
            (error as Error).message.replace(/^.*?: /, "")
          }`,
        );
      }
      made.push(calibration);
      holdout = await holdoutCheck(data, calibration, options);
    }
    const settings = valueSettings({
      ...(options.weeks === undefined ? {} : { weeks: options.weeks }),
      ...(options.monthlyDiscount === undefined
        ? {}
        : { monthlyDiscount: options.monthlyDiscount }),
    });
    const { models, fitSample } = await fitModels(data, histories, options);
    let pass: ValuePass | null = null;
    if (models.fitted) {
      pass = valuePass(models, {
        settings,
        customers: histories.customers,
        top: 20,
        clustered: table.clusters.some((label) => label !== NONE_LABEL),
        ...(options.held === undefined ? {} : { held: options.held }),
      });
      const batchRows = options.batchRows;
      for await (
        const batch of historyBatches(data, histories, {
          customers: table,
          ...(batchRows === undefined ? {} : { batchRows }),
        })
      ) pass.add(batch);
      // Rarely (see valuePass): the histories again, for the distribution.
      while (!pass.endPass()) {
        for await (
          const batch of historyBatches(
            data,
            histories,
            batchRows === undefined ? {} : { batchRows },
          )
        ) pass.readAgain(batch);
      }
    }
    return valueFiguresOf(
      {
        settings,
        calibrationEnd: histories.calibrationEnd,
        customers: histories.customers,
        repeatCustomers: histories.repeatCustomers,
        holdout,
        ...(fitSample === undefined ? {} : { fitSample }),
      },
      models,
      pass,
    );
  } finally {
    for (const histories of made) await dropHistoriesTable(data, histories);
  }
}

/**
 * The models fitted to a histories table's customers, or to a seeded
 * sample of them above the bound, and then how many the sample held. The
 * histories read for the fit are left behind here.
 */
async function fitModels(
  data: Dataset,
  histories: HistoriesTable,
  options: CustomerValueFiguresOptions,
): Promise<{ models: ValueModels; fitSample: number | undefined }> {
  const size = options.sampleAbove ?? VALUE_SAMPLE_ABOVE;
  const sampled = histories.customers > size;
  const fit = await readHistories(
    data,
    histories,
    sampled ? { sample: { size, seed: options.seed ?? 1 } } : {},
  );
  return {
    models: fitValueModels(fit),
    fitSample: sampled ? fit.customers.length : undefined,
  };
}

/** The papers' holdout check on a calibration table: a fit, then a stream. */
async function holdoutCheck(
  data: Dataset,
  calibration: HistoriesTable,
  options: CustomerValueFiguresOptions,
): Promise<HoldoutFigures> {
  const period = calibration.holdoutPeriod!;
  const { models, fitSample } = await fitModels(data, calibration, options);
  let pass: HoldoutPass | null = null;
  if (models.fitted) {
    pass = holdoutPass(models.bgNbd.params, period.weeks);
    for await (
      const batch of historyBatches(
        data,
        calibration,
        options.batchRows === undefined ? {} : { batchRows: options.batchRows },
      )
    ) pass.add(batch);
  }
  return holdoutFiguresOf(
    {
      ...period,
      calibrationEnd: calibration.calibrationEnd,
      customers: calibration.customers,
      ...(fitSample === undefined ? {} : { fitSample }),
    },
    models,
    pass,
  );
}
