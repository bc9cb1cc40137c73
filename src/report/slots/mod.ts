/**
 * The page's chart slots: each chart drawn for a selection and a width, or
 * a note in its place; what a click on a chart filters by; the dimensions
 * a data set lacks; the notes of time charts that step aside.
 *
 * @module
 */
export * from "./chart_slots.ts";
export * from "./chart_filter.ts";
export * from "./absent_dimensions.ts";
export * from "./customer_charts.ts";
export * from "./time_grain_notes.ts";
export * from "./period_buttons.ts";
