// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../../figures/format/number_formats.ts";
import type { ValueFigures } from "../../figures/value/value_figures.ts";
import { type Html, html } from "../html.ts";

/** The report's notes on how customer value is predicted; none without customers. */
export function valueMethodNotes(
  figures: ValueFigures | null,
  format: NumberFormats,
): Html[] {
  if (!figures) return [];
  const { weeks, months, monthlyDiscount } = figures.settings;
  const holdoutSample = figures.holdout?.fitSample;
  return [
    html`<strong>Predicted customer value</strong> follows Fader, Hardie and Lee (2005). A purchase is a customer's day with sale lines of amount 0 or more (all lines of a day are one purchase; returns are left out). The <strong>BG/NBD</strong> model describes how often each customer buys and when they stop buying for good; the <strong>Gamma-Gamma</strong> model describes spend per purchase. Both are fitted by maximum likelihood to every customer's repeat purchases, the weeks from the first purchase to the last and to the as-of date, and the mean value of the repeat purchases.`,
    html`Per customer: the <strong>probability still active</strong>, the <strong>expected purchases</strong> in the next ${weeks} weeks, the <strong>expected spend per purchase</strong> (the customer's own mean weighted with everyone's), and the <strong>predicted ${months}-month value</strong>: each month's expected purchases times the expected spend, discounted ${(100 * monthlyDiscount).toFixed(2)}% a month (--value-weeks, --discount-rate). A customer who never bought again counts as active in the model. With --holdout-from, the models are fitted again to the purchases before that day, and their predictions for the days after are compared with what customers bought, grouped by their purchases before (the papers' check).`,
    // The holdout's customers are some of everyone's: sampled only when
    // everyone's are.
    ...(figures.fitSample
      ? [html`With ${format.integer(figures.customers)} customers, too many to fit on all, the models were fitted on a seeded sample of ${format.integer(figures.fitSample)} of them (--seed), and every customer was then predicted with the fitted parameters${holdoutSample ? html`; the holdout check's models were fitted on a seeded sample of ${format.integer(holdoutSample)} of the ${format.integer(figures.holdout!.customers)} customers before --holdout-from` : ""}.`]
      : []),
  ];
}
