/**
 * Writes a snapshot into the page. Every figure a test compares carries a `data-testid` and,
 * in `data-raw`, the exact RPC value it shows (an amount's `units`, a ratio's `decimal`, a
 * price's `fixedPoint`, ...), so the page can be checked against the node without parsing
 * the formatted text.
 */

import type { Thresholds } from "./chain";
import {
  formatBps,
  formatDuration,
  formatPercent,
  formatPrice,
  formatUsdx,
  formatUtc,
  shortHash,
} from "./format";
import type { AuditTrail, BreakerView, OverdueView, PegView, ReservesView, SupplyView } from "./types";

/** How many privileged actions the table lists, latest first. */
export const ACTIONS_LISTED = 25;

/** Everything the page shows about one block. */
export interface Snapshot {
  supply: SupplyView;
  reserves: ReservesView;
  peg: PegView;
  breaker: BreakerView;
  overdue: OverdueView;
  audit: AuditTrail;
  thresholds: Thresholds | null;
}

/** The element with `data-testid` = `id` (the page's skeleton has them all). */
export function byTestId<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = document.querySelector<E>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`the page has no element ${id}`);
  return element;
}

/** Sets a figure's text and its exact RPC value (`""` when there is none). */
function figure(id: string, text: string, raw: string | number | null): void {
  const element = byTestId(id);
  element.textContent = text;
  element.dataset.raw = raw === null ? "" : String(raw);
}

/** Marks a verdict element as meeting its target or not. */
function verdict(id: string, ok: boolean | null, okText: string, badText: string): void {
  const element = byTestId(id);
  element.textContent = ok === null ? "" : ok ? `✓ ${okText}` : `✗ ${badText}`;
  element.className = ok === null ? "verdict" : ok ? "verdict ok" : "verdict bad";
  element.dataset.raw = ok === null ? "" : String(ok);
}

/** Creates an element with text and optional attributes. */
function make(tag: string, text = "", attributes: Record<string, string> = {}): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = text;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** The block header line: number, time and hash. */
export function renderAsOf(number: number, hash: string, utc: string): void {
  figure("as-of-block", `#${number}`, number);
  byTestId("as-of-time").textContent = formatUtc(utc);
  byTestId("as-of-hash").textContent = hash;
  byTestId("as-of-hash").dataset.raw = hash;
}

/** The figure cards. */
export function renderFigures(s: Snapshot): void {
  const { supply, reserves, peg, breaker, overdue } = s;
  figure("supply", formatUsdx(supply.circulating.units), supply.circulating.units);
  figure("liabilities", formatUsdx(supply.liabilities.units), supply.liabilities.units);
  figure("pending-redemption", formatUsdx(supply.pendingRedemption.units), supply.pendingRedemption.units);
  const reconciles = supply.reconciliation.reconciles;
  figure("reconciles", reconciles ? "yes" : "NO", String(reconciles));
  byTestId("reconciles").className = reconciles ? "ok" : "bad";

  const f = reserves.figures;
  figure(
    "eligible-reserves",
    f ? formatUsdx(f.eligible.units) : "no attestation",
    f ? f.eligible.units : null,
  );
  figure("reserve-status", reserves.status, reserves.status);
  byTestId("reserve-status").className = reserves.status === "Backed" ? "ok" : "bad";
  const attestation = reserves.attestation;
  figure(
    "reserves-total",
    attestation ? formatUsdx(attestation.total.units) : "—",
    attestation?.total.units ?? null,
  );
  figure(
    "attestation-as-of",
    attestation ? `${formatUtc(attestation.asOf.utc)} (${formatDuration(f?.ageSeconds ?? 0)} old)` : "—",
    attestation?.asOf.ms ?? null,
  );

  // Backing: eligible reserves must cover the liabilities (status Backed).
  const backing = f?.backingRatio ?? null;
  figure("backing-ratio", backing ? formatPercent(backing.decimal) : "—", backing?.decimal ?? null);
  verdict("backing-verdict", backing ? backing.bps >= 10_000 : null, "fully backed", "below 100 %");

  const { minLiquidity, maxConcentration } = reserves.targets;
  figure(
    "liquidity-ratio",
    f ? formatPercent(f.liquidityRatio.decimal) : "—",
    f?.liquidityRatio.decimal ?? null,
  );
  figure("liquidity-target", `≥ ${formatPercent(minLiquidity.decimal)}`, minLiquidity.decimal);
  verdict("liquidity-verdict", f ? f.meetsLiquidityTarget : null, "meets the target", "below the target");
  figure(
    "concentration",
    f ? formatPercent(f.largestCustodianShare.decimal) : "—",
    f?.largestCustodianShare.decimal ?? null,
  );
  figure("concentration-target", `≤ ${formatPercent(maxConcentration.decimal)}`, maxConcentration.decimal);
  verdict(
    "concentration-verdict",
    f ? f.meetsConcentrationTarget : null,
    "within the target",
    "above the target",
  );

  const current = peg.current;
  figure(
    "peg-price",
    current ? formatPrice(current.price.fixedPoint) : "no price yet",
    current?.price.fixedPoint ?? null,
  );
  figure("peg-deviation", current ? formatBps(current.deviationBps) : "—", current?.deviationBps ?? null);
  figure("peg-target", peg.target ? formatPrice(peg.target.fixedPoint) : "—", peg.target?.fixedPoint ?? null);
  figure("peg-twap", peg.twap ? formatPrice(peg.twap.fixedPoint) : "—", peg.twap?.fixedPoint ?? null);
  const freshness = byTestId("peg-freshness");
  freshness.textContent = current
    ? `${current.stale ? "STALE" : "fresh"}, round ${current.round}, ${formatDuration(current.ageSeconds)} old`
    : "the feeders have not reached a quorum";
  freshness.className = current && !current.stale ? "ok" : "bad";
  freshness.dataset.raw = current ? String(current.stale) : "";

  figure("breaker-level", breaker.level, breaker.level);
  byTestId("breaker-level").className = `figure level-${breaker.levelIndex}`;
  figure("breaker-since", formatUtc(breaker.since.utc), breaker.since.ms);
  figure("breaker-cause", breaker.cause, breaker.cause);
  const t = s.thresholds;
  figure(
    "breaker-thresholds",
    t ? `±${t.watch} / ${t.supplyAdjustment} / ${t.liquidity} / ${t.halt} bps` : "unavailable",
    t ? `${t.watch},${t.supplyAdjustment},${t.liquidity},${t.halt}` : null,
  );

  figure("overdue-count", String(overdue.count), overdue.count);
  byTestId("overdue-count").className = overdue.count === 0 ? "figure" : "figure bad";
  figure("overdue-total", formatUsdx(overdue.total.units), overdue.total.units);
}

/** The manual pauses of guarded operations and the calls paused chain-wide. */
export function renderPauses(breaker: BreakerView): void {
  const container = byTestId("pauses");
  container.replaceChildren();
  container.dataset.raw = breaker.activePauses.map((p) => p.operation).join(",");
  container.dataset.calls = breaker.pausedCalls.join(",");
  container.dataset.count = String(breaker.activePauses.length + breaker.pausedCalls.length);
  if (breaker.windDown) {
    container.append(
      make("p", `Wind-down since ${formatUtc(breaker.windDown.since.utc)}: ${breaker.windDown.reason}`, {
        class: "bad",
      }),
    );
  }
  if (breaker.activePauses.length === 0 && breaker.pausedCalls.length === 0) {
    container.append(
      make("p", "None: mints, redemptions and transfers are not paused.", {
        class: "ok",
        "data-testid": "no-pauses",
      }),
    );
    return;
  }
  const list = make("ul");
  for (const pause of breaker.activePauses) {
    const item = make(
      "li",
      `${pause.operation} paused since ${formatUtc(pause.since.utc)}: ${pause.reason || "no reason given"}`,
      {
        "data-testid": "pause",
        "data-raw": pause.operation,
      },
    );
    list.append(item);
  }
  for (const call of breaker.pausedCalls) {
    list.append(
      make("li", `${call} paused chain-wide (TxPause)`, { "data-testid": "paused-call", "data-raw": call }),
    );
  }
  container.append(list);
}

/** The overdue redemptions, oldest first. */
export function renderOverdue(overdue: OverdueView): void {
  const container = byTestId("overdue");
  container.replaceChildren();
  container.dataset.raw = String(overdue.count);
  if (overdue.count === 0) {
    container.append(
      make("p", "None: every queued redemption is within its T+2 settlement time.", {
        class: "ok",
        "data-testid": "no-overdue",
      }),
    );
    return;
  }
  const table = make("table");
  const head = make("tr");
  for (const title of ["id", "holder", "owed", "due", "status"]) head.append(make("th", title));
  table.append(make("thead"), make("tbody"));
  table.querySelector("thead")?.append(head);
  const body = table.querySelector("tbody");
  for (const r of overdue.redemptions) {
    const row = make("tr", "", { "data-testid": "overdue-row", "data-raw": String(r.id) });
    row.append(
      make("td", String(r.id)),
      make("td", r.who, { class: "mono" }),
      make("td", formatUsdx(r.amount.units)),
      make("td", formatUtc(r.dueAt.utc)),
      make("td", r.status),
    );
    body?.append(row);
  }
  container.append(table);
  if (overdue.redemptions.length < overdue.count) {
    container.append(
      make("p", `The node lists the oldest ${overdue.redemptions.length} of ${overdue.count}.`, {
        class: "muted small",
      }),
    );
  }
}

/** The case identifier of a legal order in an event's fields (a freeze's `order.case_id`). */
function caseIdOf(details: Record<string, unknown>): string | null {
  const order = details["order"];
  const caseId =
    order !== null && typeof order === "object"
      ? (order as Record<string, unknown>)["case_id"]
      : details["case_id"];
  return typeof caseId === "string" && caseId !== "" ? caseId : null;
}

/** The latest privileged actions of the audit trail, latest first, with actor and reference. */
export function renderActions(audit: AuditTrail): void {
  const table = byTestId("actions");
  table.dataset.from = String(audit.from);
  table.dataset.to = String(audit.to);
  table.dataset.count = String(audit.entries.length);
  const range = byTestId("actions-range");
  const listed = Math.min(audit.entries.length, ACTIONS_LISTED);
  range.textContent = `(blocks #${audit.from} to #${audit.to}: ${audit.entries.length} action${audit.entries.length === 1 ? "" : "s"}${listed < audit.entries.length ? `, the latest ${listed} listed` : ""})`;
  const body = table.querySelector("tbody");
  if (!body) return;
  body.replaceChildren();
  if (audit.entries.length === 0) {
    const row = make("tr", "", { "data-testid": "no-actions" });
    row.append(make("td", "No privileged action in these blocks.", { colspan: "5", class: "muted" }));
    body.append(row);
    return;
  }
  for (const entry of audit.entries.slice(-ACTIONS_LISTED).reverse()) {
    const row = make("tr", "", {
      "data-testid": "action-row",
      "data-raw": `${entry.block}:${entry.eventIndex}`,
    });
    const reference = entry.legalReference;
    const referenceCell = make("td", reference ? shortHash(reference) : "—", {
      class: "mono",
      "data-testid": "action-reference",
      "data-raw": reference ?? "",
    });
    if (reference) referenceCell.title = reference;
    const caseId = caseIdOf(entry.details);
    if (caseId)
      referenceCell.append(make("div", caseId, { class: "small", "data-testid": "action-case-id" }));
    row.append(
      make("td", `#${entry.block}`),
      make("td", formatUtc(entry.time.utc)),
      make("td", `${entry.pallet}.${entry.action}`, {
        "data-testid": "action-name",
        "data-raw": `${entry.pallet}.${entry.action}`,
      }),
      make("td", entry.by, { class: "mono", "data-testid": "action-actor", "data-raw": entry.by }),
      referenceCell,
    );
    body.append(row);
  }
}

/** Shows or hides the error banner. */
export function setError(message: string | null): void {
  const banner = byTestId("error-banner");
  banner.textContent = message ?? "";
  banner.hidden = message === null;
}

/** Shows non-fatal warnings (history gaps, missing thresholds), or hides them. */
export function setWarnings(messages: string[]): void {
  const box = byTestId("warnings");
  box.replaceChildren(...messages.map((m) => make("p", m)));
  box.hidden = messages.length === 0;
}
