/**
 * The parts of the `usdx_` answers the dashboard reads, as docs/rpc.md describes them.
 * Amounts and prices are strings (exact integers); only the fields used here are declared.
 */

/** An amount: integer smallest units (1 USDX = 1,000,000 units) and the same in USDX. */
export interface Amount {
  units: string;
  usdx: string;
}

/** A ratio: a decimal string of six places and whole basis points, both rounded down. */
export interface Ratio {
  decimal: string;
  bps: number;
}

/** A price in US dollars: six-place decimal and the exact value times 10^18. */
export interface Price {
  decimal: string;
  fixedPoint: string;
}

/** A time of the chain's clock. */
export interface Time {
  ms: number;
  utc: string;
}

/** The block an answer was read at. */
export interface BlockRef {
  number: number;
  hash: string;
  time: Time;
}

/** `usdx_supply`. */
export interface SupplyView {
  block: BlockRef;
  circulating: Amount;
  liabilities: Amount;
  pendingRedemption: Amount;
  reconciliation: { reconciles: boolean };
}

/** `usdx_reserves`. */
export interface ReservesView {
  block: BlockRef;
  status: string;
  attestation: { asOf: Time; sequence: number; total: Amount } | null;
  figures: {
    eligible: Amount;
    liabilities: Amount;
    backingRatio: Ratio | null;
    liquidityRatio: Ratio;
    largestCustodianShare: Ratio;
    meetsLiquidityTarget: boolean;
    meetsConcentrationTarget: boolean;
    headroom: Amount;
    ageSeconds: number;
  } | null;
  targets: {
    minLiquidity: Ratio;
    maxConcentration: Ratio;
    maxAgeSeconds: number;
    quorum: number;
  };
}

/** One aggregate of the price oracle. */
export interface PriceAggregate {
  price: Price;
  deviationBps: number;
  at: Time;
  round: number;
}

/** `usdx_peg`. */
export interface PegView {
  block: BlockRef;
  key: string;
  target: Price | null;
  current: (PriceAggregate & { ageSeconds: number; stale: boolean }) | null;
  twap: Price | null;
  history: PriceAggregate[];
}

/** A manual pause of a guarded operation. */
export interface Pause {
  operation: string;
  since: Time;
  reason: string;
}

/** `usdx_breaker`. */
export interface BreakerView {
  block: BlockRef;
  level: string;
  levelIndex: number;
  since: Time;
  cause: string;
  /** The deviations (bps) above which each level is entered; absent from older nodes. */
  thresholds?: { watchBps: number; supplyAdjustmentBps: number; liquidityBps: number; haltBps: number };
  lastDeviationBps: number | null;
  oracleStale: boolean;
  activePauses: Pause[];
  pausedCalls: string[];
  windDown: { since: Time; reason: string } | null;
}

/** A queued redemption. */
export interface Redemption {
  id: number;
  who: string;
  amount: Amount;
  requestedAt: Time;
  dueAt: Time;
  status: string;
  overdue: boolean;
}

/** `usdx_overdueRedemptions`. */
export interface OverdueView {
  block: BlockRef;
  count: number;
  total: Amount;
  redemptions: Redemption[];
}

/** `usdx_report`: the snapshot the history charts sample. */
export interface ReportView {
  block: BlockRef;
  supply: { circulating: Amount; liabilities: Amount };
  reserves: { status: string; eligible: Amount | null; backingRatio: Ratio | null };
  peg: { price: Price; deviationBps: number; stale: boolean } | null;
  breaker: { level: string; levelIndex: number };
}

/** One entry of `usdx_auditTrail`. */
export interface AuditEntry {
  block: number;
  blockHash: string;
  time: Time;
  extrinsicIndex: number | null;
  eventIndex: number;
  pallet: string;
  action: string;
  by: string;
  legalReference: string | null;
  details: Record<string, unknown>;
}

/** `usdx_auditTrail`. */
export interface AuditTrail {
  from: number;
  to: number;
  entries: AuditEntry[];
}

/** A block header, as `chain_getHeader` answers (the number in hex). */
export interface Header {
  number: string;
  parentHash: string;
}
