import { assertEquals, assertThrows } from "../assert.ts";
import {
  parseMapFlags,
  resolveMapping,
} from "../../src/source/column_mapping.ts";
import { InputError } from "../../src/model/input_error.ts";
import { normaliseHeader } from "../../src/source/normalise_header.ts";

Deno.test("normaliseHeader() trims, lowers and joins words with underscores", () => {
  assertEquals(normaliseHeader(" Store ID "), "store_id");
  assertEquals(normaliseHeader("\uFEFFsales-date"), "sales_date");
  assertEquals(normaliseHeader("Product  Category"), "product_category");
});

Deno.test("parseMapFlags() reads field=Column pairs and accepts field aliases", () => {
  assertEquals(
    parseMapFlags([
      "date=InvoiceDate",
      "customer=CustomerID",
      "transaction=InvoiceNo",
      "qty=Quantity",
      "unit_price=UnitPrice",
    ]),
    {
      date: "InvoiceDate",
      customer_id: "CustomerID",
      transaction_id: "InvoiceNo",
      quantity: "Quantity",
      unit_price: "UnitPrice",
    },
  );
});

Deno.test("parseMapFlags() maps a product id and name, by name or alias", () => {
  assertEquals(
    parseMapFlags(["product=StockCode", "product_name=Description"]),
    { product: "StockCode", product_name: "Description" },
  );
  assertEquals(
    parseMapFlags([
      "Product ID=Product ID",
      "description=Product Name",
    ]),
    { product: "Product ID", product_name: "Product Name" },
  );
  assertEquals(parseMapFlags(["sku=SKU"]), { product: "SKU" });
});

Deno.test("parseMapFlags() refuses an unknown field and a flag without a column", () => {
  assertThrows(
    () => parseMapFlags(["colour=Colour"]),
    TypeError,
    'Cannot read --map "colour": unknown field; expected one of date, store, city',
  );
  assertThrows(
    () => parseMapFlags(["date="]),
    TypeError,
    'Cannot read --map "date=": expected field=Column',
  );
});

Deno.test("resolveMapping() names the file and the missing column", () => {
  const error = assertThrows(
    () =>
      resolveMapping(["InvoiceDate", "Total"], {
        date: "InvoiceDate",
        amount: "Amount",
      }, "shop.csv"),
    InputError,
  );
  assertEquals(
    error.message,
    'Cannot read sales "shop.csv": row 1, column "Amount": is mapped to amount but is not in the file; its columns are "InvoiceDate", "Total"',
  );
});

Deno.test("resolveMapping() needs an amount, or a quantity and a unit price", () => {
  assertThrows(
    () => resolveMapping(["d", "q"], { date: "d", quantity: "q" }, "shop.csv"),
    InputError,
    'Cannot read sales "shop.csv": no column is mapped to amount; map one, or map both quantity and unit_price',
  );
  assertEquals(
    resolveMapping(["D", "q", "p"], {
      date: "d",
      quantity: "q",
      unit_price: "p",
    }, "shop.csv"),
    { date: "D", quantity: "q", unit_price: "p" },
  );
});
