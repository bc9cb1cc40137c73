/**
 * Each chart of the page downloads as SVG and as PNG: two buttons under
 * every chart (added by the page's script, also to charts drawn again after
 * a filter), an SVG put together from the chart's title, legend and plot,
 * and a PNG drawn from that SVG on a canvas at twice its size. Browser-safe:
 * no request leaves the page.
 *
 * @module
 */
import { parseFilterHash } from "../filter_state.ts";
import { csvFileName } from "../table_spec.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
/** One colour swatch of a Plot legend (class `plot-…-swatch`). */
const SWATCH = "[class$='-swatch'], [class*='-swatch ']";

/** The size an SVG element declares (its width and height, else its viewBox). */
function declaredSize(svg: Element): { width: number; height: number } {
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute("width")) || box[2] || 0;
  const height = Number(svg.getAttribute("height")) || box[3] || 0;
  return { width, height };
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A chart as one standalone SVG document: its title, its legend (colour
 * swatches or a colour ramp) and its plot, stacked, on a white ground.
 */
export function chartSvg(chart: Element): string {
  const parts: string[] = [];
  let y = 0;
  let width = 0;
  const title = chart.querySelector("h2, h3, h4, h5")?.textContent?.trim();
  if (title) {
    parts.push(
      `<text x="0" y="16" font-size="14" font-weight="600" text-anchor="start">${
        escapeXml(title)
      }</text>`,
    );
    y = 26;
  }
  const swatchRows = [...chart.querySelectorAll("div[class*='-swatches']")];
  for (const swatches of swatchRows) {
    let x = 0;
    for (const swatch of swatches.querySelectorAll(SWATCH)) {
      const mark = swatch.querySelector("svg");
      const label = swatch.textContent?.trim() ?? "";
      const fill = mark?.getAttribute("fill") ??
        mark?.querySelector("[fill]")?.getAttribute("fill") ?? "currentColor";
      parts.push(
        `<rect x="${x}" y="${y}" width="12" height="12" fill="${
          escapeXml(fill)
        }"/><text x="${x + 16}" y="${y + 10}" text-anchor="start">${
          escapeXml(label)
        }</text>`,
      );
      x += 28 + label.length * 6;
    }
    width = Math.max(width, x);
    y += 20;
  }
  for (const svg of chart.querySelectorAll("svg")) {
    if (svg.parentElement?.closest(`svg, ${SWATCH}`)) continue;
    const { width: w, height: h } = declaredSize(svg);
    const copy = svg.cloneNode(true) as Element;
    copy.setAttribute("x", "0");
    copy.setAttribute("y", String(y));
    copy.setAttribute("width", String(w));
    copy.setAttribute("height", String(h));
    parts.push(new XMLSerializer().serializeToString(copy));
    width = Math.max(width, w);
    y += h + 4;
  }
  const height = Math.ceil(y);
  return `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="10" fill="currentColor" style="color: #1d2330; background: #fff"><rect width="100%" height="100%" fill="#fff"/>${
    parts.join("")
  }</svg>`;
}

/** A PNG of an SVG document, drawn on a canvas at `scale` times its size. */
export async function svgPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = declaredSize(
    new DOMParser().parseFromString(svg, "image/svg+xml").documentElement,
  );
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return await new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error("Cannot draw the chart")),
      "image/png",
    )
  );
}

/** Saves a blob under a file name, as a download. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Adds the two buttons to every chart in `root` that has none yet. */
function addButtons(root: ParentNode): void {
  for (const chart of root.querySelectorAll("figure.chart")) {
    if (chart.querySelector(":scope > .chart-tools")) continue;
    const title = chart.querySelector("h2, h3, h4, h5")?.textContent?.trim() ??
      "the chart";
    const tools = document.createElement("p");
    tools.className = "table-tools chart-tools";
    for (const format of ["svg", "png"]) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chart-download";
      button.dataset.format = format;
      button.textContent = `Download ${format.toUpperCase()}`;
      button.setAttribute(
        "aria-label",
        `Download ${title} as ${format.toUpperCase()}`,
      );
      tools.append(button, " ");
    }
    chart.append(tools);
  }
}

/**
 * Offers every chart of the page as SVG and PNG, now and whenever charts
 * are drawn again (a filter, a new width). Files are named after the chart
 * and the page's filters, like the CSVs (`chart-weekly_category-Books.png`).
 */
export function chartDownloads(main: HTMLElement): void {
  addButtons(main);
  new MutationObserver(() => addButtons(main)).observe(main, {
    childList: true,
    subtree: true,
  });
  main.addEventListener("click", async (event) => {
    const button = (event.target as Element).closest?.("button.chart-download");
    const chart = button?.closest("figure.chart");
    if (!button || !chart) return;
    const format = (button as HTMLElement).dataset.format;
    const name = csvFileName(chart.id, parseFilterHash(location.hash))
      .replace(/\.csv$/, `.${format}`);
    const svg = chartSvg(chart);
    try {
      save(
        format === "png"
          ? await svgPng(svg)
          : new Blob([svg], { type: "image/svg+xml" }),
        name,
      );
    } catch (error) {
      console.error(error);
    }
  });
}
