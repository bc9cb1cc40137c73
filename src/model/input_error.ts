/** Where in an input file a problem is, and what it is. */
export interface InputProblem {
  /** What the file holds, in words: "transactions", "sales", "customers". */
  what: string;
  /** The file's path as the user gave it. */
  file: string;
  /** The file's line number (the header is line 1), when one row is at fault. */
  row?: number;
  /** The column's name as it stands in the file. */
  column?: string;
  /** The offending value, as read. */
  value?: string;
  /** What is wrong, e.g. `is not a date`. */
  problem: string;
}

/**
 * Bad input: a file that cannot be read as the data model. The message names
 * the file, the row, the column and the value, in the house style:
 *
 * `Cannot read transactions "data/tx.csv": row 812, column "tran_date": "31-02-2014" is not a date`
 */
export class InputError extends Error {
  override name = "InputError";
  readonly problem: InputProblem;

  constructor(problem: InputProblem) {
    super(inputErrorMessage(problem));
    this.problem = problem;
  }
}

/** Formats an {@linkcode InputProblem} in the house style. */
export function inputErrorMessage(p: InputProblem): string {
  const where: string[] = [];
  if (p.row !== undefined) where.push(`row ${p.row}`);
  if (p.column !== undefined) where.push(`column ${JSON.stringify(p.column)}`);
  const subject = p.value !== undefined
    ? `${JSON.stringify(p.value)} ${p.problem}`
    : p.problem;
  return `Cannot read ${p.what} ${JSON.stringify(p.file)}: ${
    where.length ? `${where.join(", ")}: ` : ""
  }${subject}`;
}
