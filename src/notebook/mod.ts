/**
 * What the notebooks use to show what `src/` computes: query results as
 * danfojs DataFrames, rich display in the Deno Jupyter kernel, a document for
 * the charts, and the notebooks' parameters.
 *
 * @module
 */
export * from "./to_data_frame.ts";
export * from "./query_frame.ts";
export * from "./matrix_frame.ts";
export { type FrameViewOptions } from "./frame_cells.ts";
export * from "./frame_html.ts";
export * from "./frame_text.ts";
export * from "./display_bundle.ts";
export * from "./display.ts";
export * from "./chart_document.ts";
export * from "./notebook_parameters.ts";
export * from "./notebook_errors.ts";
