/**
 * Notebook helpers (DataFrames, display), and running the notebooks headlessly.
 *
 * @module
 */
export {
  ensureNotebookKernel,
  type KernelSpec,
  NOTEBOOK_KERNEL,
  notebookKernelSpec,
  type RegisteredKernel,
} from "./notebook_kernel.ts";
export {
  failureReason,
  type NotebookRun,
  runNotebook,
  type RunNotebookOptions,
} from "./run_notebook.ts";
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
