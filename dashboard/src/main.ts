/**
 * The supervisor's dashboard: reads a node's `usdx_` JSON-RPC methods as of one block (the
 * finalized head by default, or the block or date the picker chooses) and redraws every
 * figure, chart and table for that block.
 *
 * URL parameters: `rpc` (the node's WebSocket URL, default ws://127.0.0.1:9944) and `block`
 * (the block shown; the finalized head when absent). For tests, `body[data-state]` is
 * `loading`, then `ready` once a block is completely drawn (`body[data-block]` is then its
 * number) or `error` (the banner says why).
 */

import { AUDIT_WINDOW, Chain, HISTORY_SAMPLES, type BlockId, type Thresholds } from "./chain";
import { HistoryCharts, type Sample } from "./charts";
import { formatUtc } from "./format";
import { RpcClient } from "./rpc";
import type { BreakerView, OverdueView, PegView, ReservesView, SupplyView } from "./types";
import {
  byTestId,
  renderActions,
  renderAsOf,
  renderFigures,
  renderOverdue,
  renderPauses,
  setError,
  setWarnings,
  type Snapshot,
} from "./view";

/** The node a page without `?rpc=` reads: a local development node. */
const DEFAULT_RPC = "ws://127.0.0.1:9944";

const params = new URLSearchParams(window.location.search);
const rpcUrl = params.get("rpc") || DEFAULT_RPC;
const rpc = new RpcClient(rpcUrl);
const chain = new Chain(rpc);
const charts = new HistoryCharts(
  document.getElementById("supply-chart") as HTMLCanvasElement,
  document.getElementById("peg-chart") as HTMLCanvasElement,
);
const blockInput = byTestId<HTMLInputElement>("block-input");
const dateInput = byTestId<HTMLInputElement>("date-input");

/** A form of the page, by id. */
function form(id: string): HTMLFormElement {
  const element = document.getElementById(id);
  if (!(element instanceof HTMLFormElement)) throw new Error(`the page has no form ${id}`);
  return element;
}

/** Counts the choices made; a render that a later choice superseded is dropped. */
let generation = 0;

/** How a choice changes the address bar. */
type UrlChange = "push" | "replace" | "none";

/** The block a choice names, resolved once the finalized head is known. */
type Choice = (head: BlockId) => Promise<number>;

/** Sets `body[data-state]` (and `data-block` once ready) for tests and styling. */
function setState(state: "loading" | "ready" | "error", block?: number): void {
  document.body.dataset.state = state;
  if (block === undefined) delete document.body.dataset.block;
  else document.body.dataset.block = String(block);
  byTestId("loading-note").hidden = state !== "loading";
}

/** The address of the page showing `block` (the head when null), keeping `?rpc=`. */
function urlFor(block: number | null): string {
  const next = new URLSearchParams(window.location.search);
  if (block === null) next.delete("block");
  else next.set("block", String(block));
  // `:` and `/` are fine in a query: keep `?rpc=ws://…` readable.
  const query = next.toString().replace(/%3A/gi, ":").replace(/%2F/gi, "/");
  return `${window.location.pathname}${query ? `?${query}` : ""}`;
}

/** Everything the page shows at one block, fetched in parallel. */
async function load(block: BlockId): Promise<{ snapshot: Snapshot; samples: Sample[]; warnings: string[] }> {
  const at = [block.hash];
  const warnings: string[] = [];
  const [supply, reserves, peg, breaker, overdue, audit, history] = await Promise.all([
    rpc.call<SupplyView>("usdx_supply", at),
    rpc.call<ReservesView>("usdx_reserves", at),
    rpc.call<PegView>("usdx_peg", at),
    rpc.call<BreakerView>("usdx_breaker", at),
    rpc.call<OverdueView>("usdx_overdueRedemptions", at),
    chain.auditTrail(block.number),
    chain.history(block.number),
  ]);
  const levels: Thresholds | null = breaker.thresholds
    ? {
        watch: breaker.thresholds.watchBps,
        supplyAdjustment: breaker.thresholds.supplyAdjustmentBps,
        liquidity: breaker.thresholds.liquidityBps,
        halt: breaker.thresholds.haltBps,
      }
    : null;
  if (!levels) warnings.push("This node's usdx_breaker names no thresholds; the peg chart has no level lines.");
  const failed = history.filter((s) => s.error);
  if (failed.length > 0) {
    const first = failed[0];
    warnings.push(
      `${failed.length} of ${history.length} history samples could not be read (first: block #${first?.number}, ${first?.error?.message}). ` +
        "A node that is not an archive node keeps the state of recent blocks only; the regulator's archive node keeps them all.",
    );
  }
  if (audit.to - audit.from + 1 < Math.min(AUDIT_WINDOW, block.number + 1)) {
    warnings.push(
      `The audit trail covers blocks #${audit.from} to #${audit.to} only: the node no longer has the state of older blocks.`,
    );
  }
  return {
    snapshot: { supply, reserves, peg, breaker, overdue, audit, thresholds: levels },
    samples: history.map(({ number, report }) => ({ number, report })),
    warnings,
  };
}

/** The notes under the charts: which blocks were sampled. */
function renderChartNotes(samples: Sample[], snapshot: Snapshot): void {
  const read = samples.filter((s) => s.report);
  const first = read[0]?.report;
  const last = read[read.length - 1]?.report;
  const range =
    first && last
      ? `${read.length} blocks sampled evenly from #${first.block.number} (${formatUtc(first.block.time.utc)}) to #${last.block.number} (${formatUtc(last.block.time.utc)})`
      : "no block could be sampled";
  const supplyNote = byTestId("supply-chart-note");
  supplyNote.textContent = `${range}; up to ${HISTORY_SAMPLES} samples.`;
  supplyNote.dataset.points = String(read.length);
  const t = snapshot.thresholds;
  byTestId("peg-chart-note").textContent =
    `${range}. Dashed lines: the breaker's levels` +
    (t
      ? ` (Watch above ${t.watch}, SupplyAdjustment above ${t.supplyAdjustment} sustained, Liquidity above ${t.liquidity}, Halt above ${t.halt} bps of deviation, either side).`
      : " (unavailable).");
}

/** Resolves a choice to a block, loads it and redraws the whole page. */
async function show(choice: Choice, urlChange: UrlChange, headView = false): Promise<void> {
  const mine = ++generation;
  setState("loading");
  setError(null);
  try {
    const head = await chain.finalizedHead();
    if (mine !== generation) return;
    byTestId("finalized-head").textContent = `#${head.number}`;
    blockInput.max = String(head.number);
    const number = await choice(head);
    if (!Number.isSafeInteger(number) || number < 0) throw new Error(`not a block number: ${number}`);
    if (number > head.number) {
      throw new Error(`block #${number} is not final yet: the finalized head is #${head.number}`);
    }
    const block = { number, hash: number === head.number ? head.hash : await chain.hashOf(number) };
    const { snapshot, samples, warnings } = await load(block);
    if (mine !== generation) return;

    renderAsOf(block.number, block.hash, snapshot.supply.block.time.utc);
    renderFigures(snapshot);
    renderPauses(snapshot.breaker);
    renderOverdue(snapshot.overdue);
    renderActions(snapshot.audit);
    charts.update(samples, snapshot.thresholds, snapshot.peg.target?.fixedPoint ?? null);
    renderChartNotes(samples, snapshot);
    setWarnings(warnings);
    blockInput.value = String(block.number);
    dateInput.value = snapshot.supply.block.time.utc.slice(0, 19);

    const url = urlFor(headView ? null : block.number);
    if (urlChange === "push") window.history.pushState(null, "", url);
    else if (urlChange === "replace") window.history.replaceState(null, "", url);
    setState("ready", block.number);
  } catch (e) {
    if (mine !== generation) return;
    const message = e instanceof Error ? e.message : String(e);
    setError(`Cannot show the dashboard: ${message}${message.includes(rpcUrl) ? "" : ` (node ${rpcUrl})`}`);
    setState("error");
  }
}

/** The block named by the page's address: `?block=N`, or the finalized head. */
function choiceFromUrl(): { choice: Choice; headView: boolean } {
  const raw = new URLSearchParams(window.location.search).get("block");
  if (raw === null || raw === "") return { choice: async (head) => head.number, headView: true };
  const choice: Choice = async () => {
    if (!/^\d+$/.test(raw)) throw new Error(`?block=${raw} is not a block number`);
    return Number(raw);
  };
  return { choice, headView: false };
}

form("block-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const number = Number(blockInput.value);
  void show(async () => number, "push");
});

form("date-form").addEventListener("submit", (event) => {
  event.preventDefault();
  // The input has no zone: it is read as UTC, like every time on the page.
  const value = dateInput.value.length === 16 ? `${dateInput.value}:00` : dateInput.value;
  const ms = Date.parse(`${value}Z`);
  void show(async (head) => {
    if (Number.isNaN(ms)) throw new Error(`not a date and time: ${dateInput.value}`);
    return chain.blockAtTime(ms, head.number);
  }, "push");
});

byTestId("latest").addEventListener("click", () => {
  void show(async (head) => head.number, "push", true);
});

window.addEventListener("popstate", () => {
  const { choice, headView } = choiceFromUrl();
  void show(choice, "none", headView);
});

byTestId("rpc-url").textContent = rpcUrl;
rpc.call<string>("system_chain").then(
  (name) => (byTestId("chain-name").textContent = name),
  () => (byTestId("chain-name").textContent = "unknown chain"),
);
const initial = choiceFromUrl();
void show(initial.choice, "none", initial.headView);
