/**
 * Reads the chain through the RPC client: block numbers and hashes, the block at a time, the
 * audit trail of recent blocks and the history samples. Hashes and answers of final blocks
 * never change, so they are cached for the page's lifetime.
 */

import { RpcClient, RpcError } from "./rpc";
import type { AuditTrail, Header, ReportView, SupplyView } from "./types";

/** `usdx_auditTrail` reads at most this many blocks per call (`MAX_AUDIT_RANGE`). */
export const MAX_AUDIT_RANGE = 1_000;

/** The dashboard lists the privileged actions of this many blocks up to the chosen one. */
export const AUDIT_WINDOW = 500;

/** How many blocks the history charts sample between genesis and the chosen block. */
export const HISTORY_SAMPLES = 40;

/** How many history samples are fetched at once. */
const CONCURRENCY = 4;

/** The circuit breaker's deviation thresholds, in basis points (a level is entered above). */
export interface Thresholds {
  watch: number;
  supplyAdjustment: number;
  liquidity: number;
  halt: number;
}

/** A block by number and hash. */
export interface BlockId {
  number: number;
  hash: string;
}

/** Runs `task` over `items` with at most `limit` tasks at once; results keep the order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** About `count` evenly spaced block numbers from 0 to `last`, both included, ascending. */
export function sampleNumbers(last: number, count: number = HISTORY_SAMPLES): number[] {
  if (last <= 0) return [0];
  const steps = Math.min(count - 1, last);
  const numbers = new Set<number>();
  for (let i = 0; i <= steps; i++) numbers.add(Math.round((i * last) / steps));
  return [...numbers].sort((a, b) => a - b);
}

/** The chain as the dashboard reads it. */
export class Chain {
  private readonly hashes = new Map<number, string>();
  private readonly times = new Map<number, number>();
  private readonly reports = new Map<number, ReportView>();

  constructor(readonly rpc: RpcClient) {}

  /** The finalized head. */
  async finalizedHead(): Promise<BlockId> {
    const hash = await this.rpc.call<string>("chain_getFinalizedHead");
    const header = await this.rpc.call<Header | null>("chain_getHeader", [hash]);
    if (!header) throw new RpcError("chain_getHeader", null, `chain_getHeader: no header for ${hash}`);
    const number = parseInt(header.number, 16);
    this.hashes.set(number, hash);
    return { number, hash };
  }

  /** The hash of block `number`; fails when the node has no such block (never `null`). */
  async hashOf(number: number): Promise<string> {
    const known = this.hashes.get(number);
    if (known) return known;
    const hash = await this.rpc.call<string | null>("chain_getBlockHash", [number]);
    // `null` passed on as `at` would mean the best block: never let it through.
    if (!hash) throw new RpcError("chain_getBlockHash", null, `the node has no block #${number}`);
    this.hashes.set(number, hash);
    return hash;
  }

  /**
   * The hashes of several blocks in one call (`chain_getBlockHash` takes a list of numbers
   * too): a remote node counts calls against its rate limit.
   */
  async hashesOf(numbers: readonly number[]): Promise<void> {
    const missing = numbers.filter((n) => !this.hashes.has(n));
    if (missing.length === 0) return;
    let hashes: (string | null)[];
    try {
      hashes = await this.rpc.call<(string | null)[]>("chain_getBlockHash", [missing]);
    } catch (e) {
      // A node that takes one number only: `hashOf` asks for each block in turn.
      if (e instanceof RpcError && e.code !== null) return;
      throw e;
    }
    if (!Array.isArray(hashes)) return;
    missing.forEach((number, i) => {
      const hash = hashes[i];
      if (hash) this.hashes.set(number, hash);
    });
  }

  /** The time of block `number` in ms, from the `block` of `usdx_supply` (genesis: 0). */
  async timeOf(number: number): Promise<number> {
    const known = this.times.get(number);
    if (known !== undefined) return known;
    const supply = await this.rpc.call<SupplyView>("usdx_supply", [await this.hashOf(number)]);
    this.times.set(number, supply.block.time.ms);
    return supply.block.time.ms;
  }

  /**
   * The last block at or before `ms` up to `head` (block times only increase): a binary
   * search, two calls per step. Genesis (time 0) when `ms` is before block 1.
   */
  async blockAtTime(ms: number, head: number): Promise<number> {
    if ((await this.timeOf(head)) <= ms) return head;
    // Invariant: time(lo) <= ms < time(hi).
    let lo = 0;
    let hi = head;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if ((await this.timeOf(mid)) <= ms) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The privileged actions of the last {@link AUDIT_WINDOW} blocks up to `to`. On a node that
   * pruned the older states (error 4003), the window is halved until it is readable.
   */
  async auditTrail(to: number): Promise<AuditTrail> {
    let window = Math.min(AUDIT_WINDOW, MAX_AUDIT_RANGE);
    for (;;) {
      const from = Math.max(0, to - window + 1);
      try {
        return await this.rpc.call<AuditTrail>("usdx_auditTrail", [from, to]);
      } catch (e) {
        if (!(e instanceof RpcError) || e.code !== 4003 || window <= 16) throw e;
        window = Math.floor(window / 2);
      }
    }
  }

  /** `usdx_report` at block `number`, cached (final blocks do not change). */
  async reportAt(number: number): Promise<ReportView> {
    const known = this.reports.get(number);
    if (known) return known;
    const report = await this.rpc.call<ReportView>("usdx_report", [await this.hashOf(number)]);
    this.reports.set(number, report);
    this.times.set(number, report.block.time.ms);
    return report;
  }

  /**
   * The reports at about {@link HISTORY_SAMPLES} blocks from genesis to `last`. A block
   * whose report fails (its state pruned on a non-archive node, a runtime without the API)
   * is a gap: `report` null and the error kept.
   */
  async history(
    last: number,
  ): Promise<{ number: number; report: ReportView | null; error: RpcError | null }[]> {
    const numbers = sampleNumbers(last);
    await this.hashesOf(numbers);
    return mapLimit(numbers, CONCURRENCY, async (number) => {
      try {
        return { number, report: await this.reportAt(number), error: null };
      } catch (e) {
        if (e instanceof RpcError && e.code !== null) return { number, report: null, error: e };
        throw e;
      }
    });
  }
}
