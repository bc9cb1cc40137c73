import { assertEquals } from "../../assert.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { loadError, withFiles } from "../source_files.ts";

const SHOP =
  `InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom
536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom
C536379,D,Discount,-1,12/13/2010 9:41,27.50,14527,United Kingdom
536370,22728,ALARM CLOCK,24,12/1/2010 8:45,3.75,12583,France
`;

Deno.test("loadSource() reads another retailer's CSV through a column mapping, amount = quantity × unit price", async () => {
  await withFiles({ "shop.csv": SHOP }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/shop.csv`,
      map: {
        date: "InvoiceDate",
        customer_id: "CustomerID",
        transaction_id: "InvoiceNo",
        quantity: "Quantity",
        unit_price: "UnitPrice",
        region: "Country",
        sub_category: "Description",
      },
    });
    assertEquals(report.kind, "mapped");
    assertEquals(report.dateOrders[`${dir}/shop.csv:InvoiceDate`], "mdy");
    const rows = await queryRows(
      dataset,
      "SELECT date, region, category, customer_id, transaction_id, round(amount, 2) AS amount FROM sales",
    );
    assertEquals(rows, [
      {
        date: "2010-12-01",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "17850",
        transaction_id: "536365",
        amount: 15.3,
      },
      {
        date: "2010-12-01",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "17850",
        transaction_id: "536365",
        amount: 20.34,
      },
      {
        date: "2010-12-13",
        region: "United Kingdom",
        category: "Uncategorised",
        customer_id: "14527",
        transaction_id: "C536379",
        amount: -27.5,
      },
      {
        date: "2010-12-01",
        region: "France",
        category: "Uncategorised",
        customer_id: "12583",
        transaction_id: "536370",
        amount: 90,
      },
    ]);
    closeDataset(dataset);
  });
});

Deno.test("loadSource() names a mapped column the file does not have", async () => {
  assertEquals(
    await loadError({ "shop.csv": SHOP }, (d) => `${d}/shop.csv`, {
      map: { date: "InvoiceDate", amount: "Total" },
    }),
    'Cannot read sales "DIR/shop.csv": row 1, column "Total": is mapped to amount but is not in the file; its columns are "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"',
  );
});

Deno.test("loadSource() refuses columns that match no layout and points to --map", async () => {
  const shop = SHOP.replace("StockCode", "Code");
  assertEquals(
    await loadError({ "shop.csv": shop }, (d) => `${d}/shop.csv`),
    'Cannot read sales "DIR/shop.csv": row 1: the columns "InvoiceNo", "Code", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country" match no layout Basket knows; map them with --map field=Column (see docs/data.md)',
  );
});

Deno.test("loadSource() reads invoice lines without a mapping: stock code and description feed the product", async () => {
  await withFiles({ "shop.csv": SHOP }, async (dir) => {
    const { dataset, report } = await loadSource({ path: `${dir}/shop.csv` });
    assertEquals(report.kind, "invoice");
    assertEquals(
      report.columns.map((c) => `${c.field}=${c.column}`),
      [
        "transaction_id=InvoiceNo",
        "product=StockCode",
        "quantity=Quantity",
        "date=InvoiceDate",
        "unit_price=UnitPrice",
        "product_name=Description",
        "customer_id=CustomerID",
        "region=Country",
      ],
    );
    const rows = await queryRows(
      dataset,
      "SELECT transaction_id, product, product_name, category, round(amount, 2) AS amount FROM sales ORDER BY transaction_id, product",
    );
    assertEquals(rows.slice(0, 2), [
      {
        transaction_id: "536365",
        product: "71053",
        product_name: "WHITE METAL LANTERN",
        category: "Uncategorised",
        amount: 20.34,
      },
      {
        transaction_id: "536365",
        product: "85123A",
        product_name: "WHITE HANGING HEART",
        category: "Uncategorised",
        amount: 15.3,
      },
    ]);
    closeDataset(dataset);
  });
});

Deno.test("loadSource() reads a Product ID and a Product Name column of order data into the product", async () => {
  const orders = `Order ID,Order Date,Product ID,Product Name,Category,Amount
CA-1,2024-01-02,FUR-BO-1,Bookcase,Furniture,261.96
CA-1,2024-01-02,OFF-LA-2,Labels,Office Supplies,14.62
`;
  await withFiles({ "orders.csv": orders }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/orders.csv`,
      map: {
        date: "Order Date",
        transaction_id: "Order ID",
        product: "Product ID",
        product_name: "Product Name",
        category: "Category",
        amount: "Amount",
      },
    });
    assertEquals(report.kind, "mapped");
    assertEquals(
      await queryRows(dataset, "SELECT product, product_name FROM sales"),
      [
        { product: "FUR-BO-1", product_name: "Bookcase" },
        { product: "OFF-LA-2", product_name: "Labels" },
      ],
    );
    closeDataset(dataset);
  });
  const own = `Date,Product ID,Product Name,Category,Amount
2024-01-02,FUR-BO-1,Bookcase,Furniture,261.96
`;
  await withFiles({ "sales.csv": own }, async (dir) => {
    const { dataset, report } = await loadSource({ path: `${dir}/sales.csv` });
    assertEquals(report.kind, "basket");
    assertEquals(
      await queryRows(dataset, "SELECT product, product_name FROM sales"),
      [{ product: "FUR-BO-1", product_name: "Bookcase" }],
    );
    closeDataset(dataset);
  });
});
