/**
 * Formatting of the node's exact values for display. Figures shown as text are formatted
 * from the integer and decimal strings of the RPC by moving the decimal point, never through
 * floating point; {@link unitsToNumber} is for chart plotting only.
 */

/** USDX has six decimals: 1 USDX = 1,000,000 units. */
export const USDX_DECIMALS = 6;

/** Decimals of the chain's fixed-point prices (the price times 10^18). */
const PRICE_DECIMALS = 18;

/** `1234567` → `1,234,567` (a string of digits). */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Splits a non-negative integer string into whole and fractional parts at `decimals`. */
function splitInteger(integer: string, decimals: number): [string, string] {
  if (!/^\d+$/.test(integer)) throw new Error(`not an unsigned integer: ${integer}`);
  const padded = integer.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals).replace(/^0+(?=\d)/, "");
  return [whole, padded.slice(padded.length - decimals)];
}

/** Smallest units to USDX with all six decimals: `"600800210000"` → `"600,800.210000"`. */
export function formatUnits(units: string): string {
  const [whole, fraction] = splitInteger(units, USDX_DECIMALS);
  return `${groupThousands(whole)}.${fraction}`;
}

/** Smallest units to `"600,800.210000 USDX"`. */
export function formatUsdx(units: string): string {
  return `${formatUnits(units)} USDX`;
}

/** A six-place ratio decimal as a percentage with two places, rounded down like the chain. */
export function formatPercent(decimal: string): string {
  const match = /^(\d+)\.(\d+)$/.exec(decimal);
  if (!match) return decimal;
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").padEnd(4, "0");
  const percentWhole = `${whole}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/, "");
  return `${groupThousands(percentWhole)}.${fraction.slice(2, 4)} %`;
}

/** A fixed-point price (times 10^18) as dollars with six places, rounded down. */
export function formatPrice(fixedPoint: string): string {
  const [whole, fraction] = splitInteger(fixedPoint, PRICE_DECIMALS);
  return `$${groupThousands(whole)}.${fraction.slice(0, 6)}`;
}

/** Signed basis points: `+12 bps`, `-3 bps`, `0 bps`. */
export function formatBps(bps: number): string {
  return `${bps > 0 ? "+" : ""}${bps} bps`;
}

/** A hash shortened for a table cell: `0x0707…0707`. */
export function shortHash(hash: string): string {
  return hash.length > 14 ? `${hash.slice(0, 6)}…${hash.slice(-4)}` : hash;
}

/**
 * The chain's RFC 3339 time as `2026-12-02 16:01:38 UTC` (the milliseconds dropped). Time 0
 * is the genesis block's (and anything set at genesis): shown as `genesis`.
 */
export function formatUtc(utc: string): string {
  if (utc === "1970-01-01T00:00:00.000Z") return "genesis";
  return utc
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC")
    .replace(/Z$/, " UTC");
}

/** Seconds as a short duration: `45 s`, `12 min`, `5 h`, `31 d`. */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7_200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** Smallest units as a float of whole USDX, for plotting only. */
export function unitsToNumber(units: string): number {
  return Number(units) / 10 ** USDX_DECIMALS;
}

/** A fixed-point price as a float, for plotting only. */
export function priceToNumber(fixedPoint: string): number {
  const [whole, fraction] = splitInteger(fixedPoint, PRICE_DECIMALS);
  return Number(`${whole}.${fraction}`);
}
