/**
 * A cluster's name in the page's filters and tables: its number and its
 * name, `1. Books: Comics`. The cube's cluster values, the cluster filter's
 * choices and the links of the cluster charts' marks are all this one text.
 *
 * @example
 * ```ts
 * import { clusterFilterLabel } from "./cluster_filter_label.ts";
 * const label = clusterFilterLabel(2, "Books: Comics");
 * if (label !== "2. Books: Comics") throw new Error(label);
 * ```
 */
export function clusterFilterLabel(id: number, name: string): string {
  return `${id}. ${name}`;
}
