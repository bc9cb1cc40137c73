/** Numbers in JSON text with more than 15 significant digits: float noise. */
export function noisyNumbers(json: string): string[] {
  return [...json.matchAll(/-?\d+\.\d+(?:e-?\d+)?/g)].map((m) => m[0])
    .filter((n) =>
      n.replace(/^-|e.*$/g, "").replace(".", "").replace(/^0+/, "").length > 15
    );
}
