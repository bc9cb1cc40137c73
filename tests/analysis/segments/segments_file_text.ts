import { segmentSnapshotPieces } from "../../../src/analysis/segments/segment_snapshot_pieces.ts";
import { writeSegmentsFile } from "../../../src/pipeline/write_segments_file.ts";

/**
 * The segments file the report writes from a customer table (pieces from
 * the engine, written to disk by writeSegmentsFile), read back as text.
 */
export async function segmentsFileText(
  ...args: Parameters<typeof segmentSnapshotPieces>
): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "basket-segments-test-" });
  try {
    const path = `${dir}/segments.json`;
    const bytes = await writeSegmentsFile(
      path,
      await segmentSnapshotPieces(...args),
    );
    const text = await Deno.readTextFile(path);
    if (new TextEncoder().encode(text).length !== bytes) {
      throw new Error(`writeSegmentsFile() said ${bytes} bytes`);
    }
    const left = [...Deno.readDirSync(dir)].map((e) => e.name);
    if (left.join() !== "segments.json") {
      throw new Error(`writeSegmentsFile() left ${left.join(", ")}`);
    }
    return text;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
