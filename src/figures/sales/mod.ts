/**
 * The pure step from sums to sales figures, shared by the SQL analyses and the page's script.
 *
 * @module
 */
export { relativeChange } from "./relative_change.ts";
export * from "./cube_figures.ts";
