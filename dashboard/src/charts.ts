/**
 * The two history charts, drawn by Chart.js on a linear axis of block numbers: supply against
 * eligible reserves, and the peg's deviation with the circuit breaker's levels as horizontal
 * lines (the right axis reads the same line as a price). Floats are used here for plotting
 * only; the figures shown as text come from the exact strings.
 */

import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from "chart.js";
import type { Thresholds } from "./chain";
import { formatUtc, priceToNumber, unitsToNumber } from "./format";
import type { ReportView } from "./types";

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** One point of a line: block number and value (null for a gap). */
type Point = { x: number; y: number | null };

/** One history sample: a block number and its report, null when it could not be read. */
export interface Sample {
  number: number;
  report: ReportView | null;
}

/** The breaker's levels, from the lowest, with the colour of their lines. */
const LEVELS: { key: keyof Thresholds; name: string; colour: string }[] = [
  { key: "watch", name: "Watch", colour: "#c9a227" },
  { key: "supplyAdjustment", name: "SupplyAdjustment", colour: "#e07b24" },
  { key: "liquidity", name: "Liquidity", colour: "#d9480f" },
  { key: "halt", name: "Halt", colour: "#a61e4d" },
];

/** Tooltip titles: the block number and its time. */
function titleOf(times: Map<number, string>) {
  return (items: TooltipItem<"line">[]): string => {
    const x = items[0]?.parsed.x ?? 0;
    const utc = times.get(x);
    return utc ? `block #${x} · ${formatUtc(utc)}` : `block #${x}`;
  };
}

/** A linear x axis of block numbers. */
function blockAxis(first: number, last: number) {
  return {
    type: "linear" as const,
    min: first,
    max: Math.max(last, first + 1),
    title: { display: true, text: "block" },
    ticks: { precision: 0 },
  };
}

/** Options shared by both charts: no animation (a redraw is final at once), block axis. */
function baseOptions(first: number, last: number, times: Map<number, string>) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false as const,
    interaction: { mode: "nearest" as const, axis: "x" as const, intersect: false },
    plugins: {
      legend: { labels: { usePointStyle: true, pointStyle: "line" as const } },
      tooltip: { callbacks: { title: titleOf(times) } },
    },
    scales: { x: blockAxis(first, last) },
  };
}

/** A line of the chart. */
function line(label: string, colour: string, values: Point[], dashed = false): ChartDataset<"line", Point[]> {
  return {
    label,
    data: values,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: 2,
    borderDash: dashed ? [6, 4] : [],
    pointRadius: 2,
    spanGaps: false,
  };
}

/** The supply and peg charts of the page. */
export class HistoryCharts {
  private readonly supply: Chart<"line", Point[]>;
  private readonly peg: Chart<"line", Point[]>;

  constructor(supplyCanvas: HTMLCanvasElement, pegCanvas: HTMLCanvasElement) {
    const empty = new Map<number, string>();
    this.supply = new Chart(supplyCanvas, {
      type: "line",
      data: { datasets: [] },
      options: baseOptions(0, 1, empty),
    });
    this.peg = new Chart(pegCanvas, {
      type: "line",
      data: { datasets: [] },
      options: baseOptions(0, 1, empty),
    });
  }

  /**
   * Redraws both charts from `samples` (ascending block numbers). `thresholds` are the
   * breaker's levels at the chosen block, `target` the peg's fixed-point target price; either
   * may be null when the node did not give them.
   */
  update(samples: Sample[], thresholds: Thresholds | null, target: string | null): void {
    const first = samples[0]?.number ?? 0;
    const last = samples[samples.length - 1]?.number ?? 1;
    const times = new Map<number, string>();
    for (const s of samples) if (s.report) times.set(s.number, s.report.block.time.utc);
    const series = (value: (r: ReportView) => number | null): Point[] =>
      samples.map((s) => ({ x: s.number, y: s.report ? value(s.report) : null }));

    this.supply.data.datasets = [
      line(
        "supply (circulating)",
        "#1c7ed6",
        series((r) => unitsToNumber(r.supply.circulating.units)),
      ),
      line(
        "liabilities (circulating + pending redemptions)",
        "#74c0fc",
        series((r) => unitsToNumber(r.supply.liabilities.units)),
        true,
      ),
      line(
        "eligible reserves",
        "#2b8a3e",
        series((r) => (r.reserves.eligible ? unitsToNumber(r.reserves.eligible.units) : null)),
      ),
    ];
    const supplyOptions = baseOptions(first, last, times);
    this.supply.options = {
      ...supplyOptions,
      scales: { ...supplyOptions.scales, y: { type: "linear", title: { display: true, text: "USDX" } } },
    };
    this.supply.update();

    // Deviation axis: every level's line in view, and the largest deviation seen.
    const deviations = series((r) => (r.peg ? r.peg.deviationBps : null));
    const largest = Math.max(0, ...deviations.map((p) => Math.abs(p.y ?? 0)));
    const span = Math.ceil(Math.max(largest, thresholds?.halt ?? 100) * 1.1);
    const datasets = [line("deviation (bps)", "#5f3dc4", deviations)];
    if (thresholds) {
      for (const level of LEVELS) {
        const bps = thresholds[level.key];
        const flat = (y: number): Point[] => [
          { x: first, y },
          { x: last, y },
        ];
        const style = { pointRadius: 0, borderWidth: 1 };
        datasets.push({ ...line(`${level.name} > ${bps} bps`, level.colour, flat(bps), true), ...style });
        datasets.push({ ...line(`−${level.name}`, level.colour, flat(-bps), true), ...style });
      }
    }
    this.peg.data.datasets = datasets;
    // The right axis reads the deviation line as a price: target × (1 + bps / 10,000).
    const targetPrice = target ? priceToNumber(target) : 1;
    const pegOptions = baseOptions(first, last, times);
    this.peg.options = {
      ...pegOptions,
      scales: {
        ...pegOptions.scales,
        y: {
          type: "linear",
          min: -span,
          max: span,
          title: { display: true, text: "deviation from the peg (bps)" },
        },
        price: {
          type: "linear",
          position: "right",
          min: targetPrice * (1 - span / 10_000),
          max: targetPrice * (1 + span / 10_000),
          grid: { drawOnChartArea: false },
          title: { display: true, text: "price (USD)" },
          ticks: { callback: (value: number | string) => `$${Number(value).toFixed(4)}` },
        },
      },
      plugins: {
        // One legend entry per level: the lines below the peg share their colour.
        legend: {
          labels: {
            usePointStyle: true,
            pointStyle: "line" as const,
            filter: (item: { text: string }) => !item.text.startsWith("−"),
          },
        },
        tooltip: {
          callbacks: {
            title: titleOf(times),
            label: (item: TooltipItem<"line">) => {
              if (item.datasetIndex !== 0) return item.dataset.label ?? "";
              const report = samples.find((s) => s.number === item.parsed.x)?.report;
              if (!report?.peg) return "no price";
              const stale = report.peg.stale ? " (stale)" : "";
              return `price $${report.peg.price.decimal}, deviation ${report.peg.deviationBps} bps${stale}`;
            },
          },
        },
      },
    };
    this.peg.update();
  }
}
