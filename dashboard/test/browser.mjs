#!/usr/bin/env node
// The dashboard's browser test: serves the built page (dashboard/dist), opens it in headless
// Chromium (driven by playwright-core) against a running node, and checks that every figure
// it shows equals the node's own answer at the same block, that the block and date pickers
// redraw the page as of an earlier block, and writes screenshots.
//
//   node dashboard/test/browser.mjs --ws ws://127.0.0.1:9944 --earlier-block N --screenshot-dir DIR
//
// The chain must be running with some activity: a supply above zero at the finalized head and
// a lower supply at block N, whose state the node still has (any block on an archive node; on
// a pruned node, one within its last `--state-pruning` blocks). Build the page first (`npm ci && npm run build` in dashboard/).
// Chromium is /usr/bin/chromium (Debian's package, scripts/setup.sh) unless CHROMIUM_PATH
// names another. Prints one line per check; exits 0 when all pass, 1 otherwise.

import { createServer } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import WebSocket from "ws";

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const WAIT_MS = 60_000;
/** The page lists this many privileged actions (ACTIONS_LISTED in src/view.ts). */
const ACTIONS_LISTED = 25;
/** The page reads the audit trail of this many blocks (AUDIT_WINDOW in src/chain.ts). */
const AUDIT_WINDOW = 500;

/** A failure that ends the test at once. */
class Fatal extends Error {}

// --- arguments --------------------------------------------------------------------------

function usage(message) {
  console.error(
    `${message}\nusage: node dashboard/test/browser.mjs --ws ws://127.0.0.1:PORT --earlier-block N --screenshot-dir DIR`,
  );
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    options: {
      ws: { type: "string" },
      "earlier-block": { type: "string" },
      "screenshot-dir": { type: "string" },
    },
  }).values;
} catch (e) {
  usage(e.message);
}
const wsUrl = options.ws ?? usage("--ws is required");
const earlierText = options["earlier-block"] ?? usage("--earlier-block is required");
if (!/^\d+$/.test(earlierText)) usage(`--earlier-block must be a block number, not ${earlierText}`);
const earlierBlock = Number(earlierText);
const screenshotDir = path.resolve(options["screenshot-dir"] ?? usage("--screenshot-dir is required"));

// --- checks -----------------------------------------------------------------------------

let passed = 0;
let failed = 0;

/** Records one check and prints its line; a failed check does not stop the test. */
function check(name, ok, detail = "") {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail ? `: ${detail}` : ""}`);
  }
}

/** Checks that the page's value equals the node's. */
function checkEqual(name, shown, expected) {
  check(
    name,
    shown === expected,
    `page shows ${JSON.stringify(shown)}, the RPC answers ${JSON.stringify(expected)}`,
  );
}

// --- JSON-RPC over ws -------------------------------------------------------------------

/** A minimal JSON-RPC client over one WebSocket, independent of the page's own. */
async function connect(url) {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", (e) => reject(new Fatal(`cannot connect to ${url}: ${e.message}`)));
  });
  const pending = new Map();
  let nextId = 1;
  socket.on("message", (data) => {
    const answer = JSON.parse(String(data));
    const request = pending.get(answer.id);
    if (!request) return;
    pending.delete(answer.id);
    if (answer.error)
      request.reject(new Fatal(`${request.method}: error ${answer.error.code}: ${answer.error.message}`));
    else request.resolve(answer.result);
  });
  socket.on("close", () => {
    for (const request of pending.values())
      request.reject(new Fatal(`${request.method}: the connection closed`));
    pending.clear();
  });
  return {
    call(method, params = []) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve, reject });
        socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
      });
    },
    async hashOf(number) {
      const hash = await this.call("chain_getBlockHash", [number]);
      if (!hash) throw new Fatal(`the node has no block #${number}`);
      return hash;
    },
    close() {
      socket.close();
    },
  };
}

// --- the static server ------------------------------------------------------------------

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

/** Serves dashboard/dist on a free port of 127.0.0.1; resolves with the server and its port. */
async function serveDist() {
  try {
    await readFile(path.join(DIST, "index.html"));
  } catch {
    throw new Fatal(`${DIST}/index.html is missing: run \`npm ci && npm run build\` in dashboard/ first`);
  }
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.resolve(DIST, `.${pathname === "/" ? "/index.html" : pathname}`);
    if (!file.startsWith(DIST + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: server.address().port };
}

// --- the page ---------------------------------------------------------------------------

/** Waits until the page has drawn block `block` (any block when undefined), or failed. */
async function waitReady(page, block) {
  try {
    await page.waitForFunction(
      (want) => {
        const { state, block: shown } = document.body.dataset;
        return state === "error" || (state === "ready" && (want === null || shown === String(want)));
      },
      block ?? null,
      { timeout: WAIT_MS, polling: 100 },
    );
  } catch {
    const state = await page.evaluate(() => document.body.dataset.state);
    throw new Fatal(
      `the page did not finish drawing${block === undefined ? "" : ` block #${block}`} within ${WAIT_MS / 1000} s (state ${state})`,
    );
  }
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state === "error") {
    const banner = await page.textContent('[data-testid="error-banner"]');
    throw new Fatal(`the page shows an error: ${banner}`);
  }
}

/** The `data-raw` of the element with `data-testid` = `id`. */
function raw(page, id) {
  return page.getAttribute(`[data-testid="${id}"]`, "data-raw");
}

/** The text of the element with `data-testid` = `id`. */
async function text(page, id) {
  return ((await page.textContent(`[data-testid="${id}"]`)) ?? "").trim();
}

/** The block shown: its number and hash, from the page. */
async function shownBlock(page) {
  return { number: Number(await raw(page, "as-of-block")), hash: await raw(page, "as-of-hash") };
}

// --- the test ---------------------------------------------------------------------------

/** Every figure of the page against the node's answers at the page's block. */
async function checkFigures(page, rpc) {
  const shown = await shownBlock(page);
  const hash = await rpc.hashOf(shown.number);
  checkEqual(`the page's block #${shown.number} has the node's hash for that number`, shown.hash, hash);
  const [supply, reserves, peg, breaker, overdue] = await Promise.all(
    ["usdx_supply", "usdx_reserves", "usdx_peg", "usdx_breaker", "usdx_overdueRedemptions"].map((m) =>
      rpc.call(m, [hash]),
    ),
  );
  const circulating = supply.circulating.units;
  checkEqual("supply equals usdx_supply circulating", await raw(page, "supply"), circulating);
  check("supply is above zero", BigInt(circulating) > 0n, `supply ${circulating}`);
  checkEqual(
    "supply's text is the RPC's USDX figure",
    (await text(page, "supply")).replaceAll(",", ""),
    `${supply.circulating.usdx} USDX`,
  );
  checkEqual(
    "liabilities equal usdx_supply liabilities",
    await raw(page, "liabilities"),
    supply.liabilities.units,
  );
  const f = reserves.figures;
  checkEqual(
    "eligible reserves equal usdx_reserves figures.eligible",
    await raw(page, "eligible-reserves"),
    f?.eligible.units ?? "",
  );
  if (f)
    checkEqual(
      "eligible reserves' text is the RPC's USDX figure",
      (await text(page, "eligible-reserves")).replaceAll(",", ""),
      `${f.eligible.usdx} USDX`,
    );
  checkEqual(
    "reserve status equals usdx_reserves status",
    await raw(page, "reserve-status"),
    reserves.status,
  );
  checkEqual(
    "backing ratio equals usdx_reserves backingRatio",
    await raw(page, "backing-ratio"),
    f?.backingRatio?.decimal ?? "",
  );
  checkEqual(
    "liquidity ratio equals usdx_reserves liquidityRatio",
    await raw(page, "liquidity-ratio"),
    f?.liquidityRatio.decimal ?? "",
  );
  checkEqual(
    "liquidity target equals usdx_reserves minLiquidity",
    await raw(page, "liquidity-target"),
    reserves.targets.minLiquidity.decimal,
  );
  checkEqual(
    "concentration equals usdx_reserves largestCustodianShare",
    await raw(page, "concentration"),
    f?.largestCustodianShare.decimal ?? "",
  );
  checkEqual(
    "concentration target equals usdx_reserves maxConcentration",
    await raw(page, "concentration-target"),
    reserves.targets.maxConcentration.decimal,
  );
  checkEqual(
    "peg price equals usdx_peg current price",
    await raw(page, "peg-price"),
    peg.current?.price.fixedPoint ?? "",
  );
  if (peg.current)
    checkEqual(
      "peg price's text is the RPC's decimal",
      await text(page, "peg-price"),
      `$${peg.current.price.decimal}`,
    );
  checkEqual(
    "peg deviation equals usdx_peg deviationBps",
    await raw(page, "peg-deviation"),
    peg.current ? String(peg.current.deviationBps) : "",
  );
  checkEqual("breaker level equals usdx_breaker level", await raw(page, "breaker-level"), breaker.level);
  const t = breaker.thresholds;
  checkEqual(
    "the breaker's thresholds equal usdx_breaker thresholds",
    await raw(page, "breaker-thresholds"),
    `${t.watchBps},${t.supplyAdjustmentBps},${t.liquidityBps},${t.haltBps}`,
  );
  checkEqual(
    "active pauses equal usdx_breaker activePauses",
    await raw(page, "pauses"),
    breaker.activePauses.map((p) => p.operation).join(","),
  );
  checkEqual(
    "chain-wide paused calls equal usdx_breaker pausedCalls",
    await page.getAttribute('[data-testid="pauses"]', "data-calls"),
    breaker.pausedCalls.join(","),
  );
  check("the pauses section renders", (await text(page, "pauses")).length > 0);
  checkEqual(
    "overdue count equals usdx_overdueRedemptions count",
    await raw(page, "overdue-count"),
    String(overdue.count),
  );
  checkEqual(
    "overdue total equals usdx_overdueRedemptions total",
    await raw(page, "overdue-total"),
    overdue.total.units,
  );
  const overdueRows = await page.$$eval('[data-testid="overdue-row"]', (rows) =>
    rows.map((r) => r.dataset.raw),
  );
  checkEqual(
    "the overdue redemptions listed are the node's",
    overdueRows.join(","),
    overdue.redemptions.map((r) => String(r.id)).join(","),
  );
  check("the overdue section renders", (await text(page, "overdue")).length > 0);

  // The privileged actions: the page's range must be the last blocks up to the shown one.
  const table = '[data-testid="actions"]';
  const from = Number(await page.getAttribute(table, "data-from"));
  const to = Number(await page.getAttribute(table, "data-to"));
  checkEqual("the audit trail ends at the shown block", to, shown.number);
  const window = Math.max(0, shown.number - AUDIT_WINDOW + 1);
  if (from === window) {
    check(`the audit trail covers the last ${AUDIT_WINDOW} blocks (#${from} to #${to})`, true);
  } else {
    // A node that is not an archive node refuses the full window: the page reads a shorter one.
    const refused = await rpc.call("usdx_auditTrail", [window, to]).then(
      () => null,
      (e) => e.message,
    );
    check(
      `the audit trail covers #${from} to #${to}: the node pruned states within #${window} to #${to}`,
      from > window && refused?.includes("error 4003"),
      `the page starts at #${from}, not #${window}; the node answers ${refused ?? "that range"}`,
    );
  }
  const audit = await rpc.call("usdx_auditTrail", [from, to]);
  checkEqual(
    "the action count equals usdx_auditTrail's",
    Number(await page.getAttribute(table, "data-count")),
    audit.entries.length,
  );
  const latest = audit.entries.slice(-ACTIONS_LISTED).reverse();
  const rows = await page.$$eval('[data-testid="action-row"]', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.raw,
      name: tr.querySelector('[data-testid="action-name"]')?.dataset.raw,
      actor: tr.querySelector('[data-testid="action-actor"]')?.dataset.raw,
      actorText: tr.querySelector('[data-testid="action-actor"]')?.textContent?.trim(),
      reference: tr.querySelector('[data-testid="action-reference"]')?.dataset.raw,
    })),
  );
  const expected = latest.map((e) => ({
    id: `${e.block}:${e.eventIndex}`,
    name: `${e.pallet}.${e.action}`,
    actor: e.by,
    actorText: e.by,
    reference: e.legalReference ?? "",
  }));
  checkEqual(
    "the actions listed (latest first: block, event, action, actor, legal reference) equal usdx_auditTrail's",
    JSON.stringify(rows),
    JSON.stringify(expected),
  );
  check(
    "at least one privileged action with a non-empty actor",
    rows.some((r) => (r.actorText ?? "").length > 0),
    `${rows.length} rows`,
  );
  const freezes = expected.filter((e) => /frozen|freeze/i.test(e.name));
  if (freezes.length > 0) {
    const shownFreezes = rows.filter((r) => /frozen|freeze/i.test(r.name ?? ""));
    check(
      `the freeze is listed with its actor and legal reference (${shownFreezes[0]?.name ?? "none"})`,
      shownFreezes.length === freezes.length && shownFreezes.every((r) => r.actor && r.reference),
    );
  } else {
    console.log("note no freeze among the listed actions: nothing to check there");
  }
  return { number: shown.number, supply: circulating };
}

/** Chooses `block` in the block picker and checks the page redraws as of it. */
async function checkEarlier(page, rpc, head) {
  await page.fill('[data-testid="block-input"]', String(earlierBlock));
  await page.click('[data-testid="block-go"]');
  await waitReady(page, earlierBlock);
  checkEqual(
    "the block picker redraws the page as of the earlier block",
    Number(await raw(page, "as-of-block")),
    earlierBlock,
  );
  check(
    "the address names the block shown",
    new URL(page.url()).searchParams.get("block") === String(earlierBlock),
    page.url(),
  );
  const hash = await rpc.hashOf(earlierBlock);
  checkEqual("the earlier block's hash is the node's", await raw(page, "as-of-hash"), hash);
  const supply = (await rpc.call("usdx_supply", [hash])).circulating.units;
  checkEqual(`supply at #${earlierBlock} equals usdx_supply there`, await raw(page, "supply"), supply);
  check(`supply at #${earlierBlock} differs from the head's`, supply !== head.supply, `both ${supply}`);
  check(
    `supply at #${earlierBlock} is lower than the head's`,
    BigInt(supply) < BigInt(head.supply),
    `${supply} at #${earlierBlock}, ${head.supply} at #${head.number}`,
  );
  const eligible = (await rpc.call("usdx_reserves", [hash])).figures?.eligible.units ?? "";
  checkEqual(
    `eligible reserves at #${earlierBlock} equal usdx_reserves there`,
    await raw(page, "eligible-reserves"),
    eligible,
  );
  const audit = await page.getAttribute('[data-testid="actions"]', "data-to");
  checkEqual("the audit trail ends at the earlier block", Number(audit), earlierBlock);
}

/** Chooses a date in the date picker: the page must show the last block at or before it. */
async function checkDate(page, rpc, head) {
  // The head's time to the second: the answer is the last block at or before it.
  const headTime = (await rpc.call("usdx_supply", [await rpc.hashOf(head.number)])).block.time;
  const seconds = headTime.utc.slice(0, 19);
  await page.fill('[data-testid="date-input"]', seconds);
  await page.click('[data-testid="date-go"]');
  await waitReady(page);
  const shown = Number(await raw(page, "as-of-block"));
  const target = Date.parse(`${seconds}Z`);
  const timeOf = async (n) => (await rpc.call("usdx_supply", [await rpc.hashOf(n)])).block.time.ms;
  const at = await timeOf(shown);
  const next = shown < head.number ? await timeOf(shown + 1) : Infinity;
  check(
    `the date picker (${seconds} UTC) shows the last block at or before it (#${shown})`,
    at <= target && target < next,
    `block #${shown} at ${at}, the next at ${next}, target ${target}`,
  );
}

async function main() {
  const rpc = await connect(wsUrl);
  const { server, port } = await serveDist();
  let browser;
  try {
    const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    try {
      browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    } catch (e) {
      throw new Fatal(
        `cannot start Chromium (${executablePath}; scripts/setup.sh installs it): ${e.message.split("\n")[0]}`,
      );
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const consoleErrors = [];
    page.on("console", (message) => message.type() === "error" && consoleErrors.push(message.text()));
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    const url = `http://127.0.0.1:${port}/?rpc=${encodeURIComponent(wsUrl)}`;
    console.log(`open ${url}`);
    await page.goto(url);
    try {
      await waitReady(page);
    } catch (e) {
      if (consoleErrors.length) console.log(`the page's console:\n  ${consoleErrors.join("\n  ")}`);
      throw e;
    }
    check("the page loads against the node and draws the finalized head", true);
    const head = await checkFigures(page, rpc);
    await mkdir(screenshotDir, { recursive: true });
    await page.screenshot({ path: path.join(screenshotDir, "dashboard.png"), fullPage: true });
    console.log(`wrote ${path.join(screenshotDir, "dashboard.png")}`);

    if (earlierBlock >= head.number)
      throw new Fatal(`--earlier-block ${earlierBlock} is not before the shown block #${head.number}`);
    await checkEarlier(page, rpc, head);
    await page.screenshot({ path: path.join(screenshotDir, "dashboard-earlier.png"), fullPage: true });
    console.log(`wrote ${path.join(screenshotDir, "dashboard-earlier.png")}`);
    await checkDate(page, rpc, head);
    check("the page logged no error", consoleErrors.length === 0, consoleErrors.join(" | "));
  } finally {
    await browser?.close();
    server.close();
    rpc.close();
  }
}

try {
  await main();
} catch (e) {
  failed++;
  console.log(`FAIL ${e instanceof Fatal ? e.message : (e.stack ?? e)}`);
}
console.log(`dashboard: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
