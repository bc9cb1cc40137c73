import type { DenseMatrix } from "./dense_matrix.ts";

/** What {@linkcode featureMatrixCsv} writes and {@linkcode parseFeatureMatrixCsv} reads. */
export interface LabelledMatrix {
  /** Column names. */
  columns: string[];
  /** Row names (customer ids). */
  rowIds: string[];
  matrix: DenseMatrix;
}

/**
 * Writes a feature matrix as CSV: a `customer_id` column, then one column per
 * feature, numbers in shortest round-trip form (so a reader gets the exact
 * same doubles). The scikit-learn comparisons read it.
 *
 * @example
 * ```ts
 * import { denseMatrix } from "./dense_matrix.ts";
 * import { featureMatrixCsv, parseFeatureMatrixCsv } from "./feature_matrix_csv.ts";
 * const csv = featureMatrixCsv({ columns: ["Books: Comics"], rowIds: ["A"], matrix: denseMatrix([[0.1]]) });
 * if (csv !== 'customer_id,Books: Comics\nA,0.1\n') throw new Error(csv);
 * if (parseFeatureMatrixCsv(csv).matrix.values[0] !== 0.1) throw new Error("round trip");
 * ```
 */
export function featureMatrixCsv(input: LabelledMatrix): string {
  const { columns, rowIds, matrix } = input;
  const lines = [["customer_id", ...columns].map(csvField).join(",")];
  for (let i = 0; i < matrix.rows; i++) {
    const cells = [csvField(rowIds[i])];
    for (let j = 0; j < matrix.cols; j++) {
      cells.push(String(matrix.values[i * matrix.cols + j]));
    }
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

/** Reads what {@linkcode featureMatrixCsv} writes. */
export function parseFeatureMatrixCsv(text: string): LabelledMatrix {
  const lines = text.split("\n").filter((line) => line !== "");
  const [header, ...body] = lines.map(splitCsvLine);
  const columns = header.slice(1);
  const cols = columns.length;
  const values = new Float64Array(body.length * cols);
  const rowIds = body.map((cells, i) => {
    if (cells.length !== cols + 1) {
      throw new SyntaxError(
        `Cannot read the feature matrix: line ${
          i + 2
        } has ${cells.length} fields, expected ${cols + 1}`,
      );
    }
    for (let j = 0; j < cols; j++) values[i * cols + j] = Number(cells[j + 1]);
    return cells[0];
  });
  return { columns, rowIds, matrix: { rows: body.length, cols, values } };
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = "";
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else cell += line[i++];
      }
      cells.push(cell);
      i++;
    } else {
      const end = line.indexOf(",", i);
      const stop = end < 0 ? line.length : end;
      cells.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return cells;
}
