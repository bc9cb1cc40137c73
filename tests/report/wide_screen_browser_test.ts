/**
 * The page's layout in Chromium on the real data set, every folded table
 * unfolded: at 1440 px the content spans most of the window and every table
 * of the sections is as wide as its section (numbers right-aligned, the
 * first column left), and at 390 px nothing runs out of the page sideways
 * (a wide table scrolls within its own box).
 */
import type { Browser, Page } from "puppeteer-core";
import { assertEquals, assertOk } from "../assert.ts";
import { launchChromium, reportRunDir } from "./chromium_page.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;

/** Opens the page at `width` px, waits for its charts, unfolds every table. */
async function open(page: Page, url: string, width: number): Promise<void> {
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() =>
    document.documentElement.dataset.charts === "drawn"
  );
  await page.$$eval("details.table", (all) => {
    for (const d of all) (d as HTMLDetailsElement).open = true;
  });
}

/** The main's content width, and each table of a section against its section's width. */
function tableWidths(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector("main")!;
    const style = getComputedStyle(main);
    const content = main.clientWidth - parseFloat(style.paddingLeft) -
      parseFloat(style.paddingRight);
    const tables = [...document.querySelectorAll("main section .table table")]
      .map((table) => {
        const section = table.closest("section")!;
        const align = (cell: Element | null) =>
          cell ? getComputedStyle(cell).textAlign : "none";
        return {
          id: `${section.id} ${table.id}`,
          width: table.getBoundingClientRect().width,
          section: section.getBoundingClientRect().width,
          first: align(table.querySelector("tbody tr > :first-child")),
          numbers: [...table.querySelectorAll("tbody td.num, thead th.num")]
            .map(align).filter((a) => a !== "right").length,
        };
      });
    return { content, innerWidth, tables };
  });
}

/**
 * Page width against the viewport's, and what sticks out past it other than
 * inside a box that scrolls (a wide table's) and itself fits.
 */
function overflow(page: Page) {
  return page.evaluate(() => {
    const right = (e: Element) => e.getBoundingClientRect().right;
    const scrolledInside = (e: Element) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") {
          return right(a) <= innerWidth + 0.5;
        }
      }
      return false;
    };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      wide: [...document.querySelectorAll("body *")]
        .filter((e) => right(e) > innerWidth + 0.5 && !e.closest(".skip"))
        .filter((e) => !scrolledInside(e))
        .slice(0, 5)
        .map((e) => `${e.localName}#${e.id}.${e.className}: ${right(e)}`),
    };
  });
}

Deno.test("the page uses a wide screen's width and fits a phone's", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-wide-" });
  const profile = await Deno.makeTempDir({ prefix: "basket-chromium-" });
  let browser: Browser | undefined;
  try {
    const dir = await reportRunDir(DATA, tmp);
    const url = `file://${dir}/index.html`;
    browser = await launchChromium(profile);
    const page = await browser.newPage();

    await t.step(
      "at 1440 px the content and its tables use the width",
      async () => {
        await open(page, url, 1440);
        const { content, innerWidth, tables } = await tableWidths(page);
        assertOk(
          content >= 0.8 * innerWidth,
          `the content is ${content} px of ${innerWidth}`,
        );
        assertOk(tables.length >= 15, `${tables.length} tables`);
        const sections = new Set(tables.map((t) => t.id.split(" ")[0]));
        for (const s of ["sales", "customers", "cohorts"]) {
          assertOk(sections.has(s), `no table in #${s}`);
        }
        const narrow = tables.filter((t) => t.width < 0.9 * t.section)
          .map((t) => `${t.id}: ${Math.round(t.width)} of ${t.section} px`);
        assertEquals(narrow, []);
        const misaligned = tables.filter((t) => t.first !== "left" || t.numbers)
          .map((t) =>
            `${t.id}: first ${t.first}, ${t.numbers} numbers not right`
          );
        assertEquals(misaligned, []);
        const layout = await overflow(page);
        assertEquals(layout.wide, []);
        assertOk(
          layout.scrollWidth <= layout.innerWidth,
          `${layout.scrollWidth} px`,
        );
      },
    );

    await t.step(
      "at 390 px nothing runs out of the page sideways",
      async () => {
        await open(page, url, 390);
        const layout = await overflow(page);
        assertEquals(layout.wide, []);
        assertOk(
          layout.scrollWidth <= layout.innerWidth,
          `${layout.scrollWidth} px`,
        );
      },
    );
  } finally {
    await browser?.close();
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(profile, { recursive: true });
  }
});
