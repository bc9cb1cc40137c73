import { assertEquals, assertThrows } from "../assert.ts";
import { denseMatrix, matrixRows } from "../../src/stats/dense_matrix.ts";
import {
  featureMatrixCsv,
  parseFeatureMatrixCsv,
} from "../../src/stats/feature_matrix_csv.ts";

Deno.test("featureMatrixCsv() round-trips names with commas and quotes and exact doubles", () => {
  const input = {
    columns: ['Home, kitchen: "Bath"', "Books: Comics"],
    rowIds: ["A,1", "B"],
    matrix: denseMatrix([[0.1 + 0.2, -1e-7], [1 / 3, 4265.3]]),
  };
  const csv = featureMatrixCsv(input);
  assertEquals(
    csv.split("\n")[0],
    'customer_id,"Home, kitchen: ""Bath""",Books: Comics',
  );
  const back = parseFeatureMatrixCsv(csv);
  assertEquals(back.columns, input.columns);
  assertEquals(back.rowIds, input.rowIds);
  assertEquals(matrixRows(back.matrix), matrixRows(input.matrix));
});

Deno.test("parseFeatureMatrixCsv() names a line with the wrong number of fields", () => {
  assertThrows(
    () => parseFeatureMatrixCsv("customer_id,a,b\nx,1,2\ny,1\n"),
    SyntaxError,
    "Cannot read the feature matrix: line 3 has 2 fields, expected 3",
  );
});
