import { loadSource } from "./src/io/load_source.ts";
import { salesCube } from "./src/analysis/sales_cube.ts";
const { dataset } = await loadSource({ path: "/work/shared/datasets/retail-kaggle" });
const mode = Deno.args[0];
if (mode === "groups") {
  const c = dataset.connection;
  await c.run("CREATE OR REPLACE TEMP TABLE cube_groups (customer_id VARCHAR PRIMARY KEY, segment VARCHAR, cluster VARCHAR)");
  const a = await c.createAppender("cube_groups"); a.appendVarchar("x"); a.appendVarchar("y"); a.appendVarchar("z"); a.endRow(); a.closeSync();
} else if (mode === "cube") {
  await salesCube(dataset, {});
}
console.log("done", mode);
dataset.connection.closeSync();
