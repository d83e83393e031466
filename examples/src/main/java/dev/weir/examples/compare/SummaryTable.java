package dev.weir.examples.compare;

import dev.weir.examples.bench.LatencyResult;
import java.util.List;
import java.util.Locale;

/** The terminal's view of a comparison: one line per finished run, and the table at the end. Stateless. */
final class SummaryTable {
  private static final String COLUMNS = " %-4s %10s %10s %9s %9s %9s %7s %8s%n";

  private SummaryTable() {}

  /** What the progress line says once a run ended. */
  static String brief(RunResult run) {
    if (run.failed()) {
      return "FAILED: " + run.error().lines().findFirst().orElse("");
    }
    LatencyResult l = run.latency();
    if (l == null) {
      return String.format(Locale.ROOT, "%.2f s, %d events/s, rows=%d", run.seconds(), Math.round(run.eventsPerSecond()),
          run.rows());
    }
    return String.format(Locale.ROOT, "sustained %d events/s%s, p50 %.1f ms, p99 %.1f ms (visible p99 %.1f ms), rows=%d",
        Math.round(l.sustained()), l.keptUp() ? "" : " (DID NOT KEEP UP)", l.received().p50(), l.received().p99(),
        l.visible().p99(), run.rows());
  }

  /** The table printed at the end: one row per run. */
  static String of(List<RunResult> runs) {
    int width = runs.stream().mapToInt(r -> r.setting().length()).max().orElse(0);
    String name = "%-" + Math.max(width, "runner and setting".length()) + "s";
    String format = name + COLUMNS;
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT, format, "runner and setting", "pipe",
        "rows", "events/s", "p50 ms", "p99 ms", "vis p99", "CPU s", "heap MB"));
    for (RunResult run : runs) {
      if (run.failed()) {
        table.append(String.format(Locale.ROOT, name + " %-4s FAILED%n",
            run.setting(), run.pipeline()));
        continue;
      }
      LatencyResult l = run.latency();
      table.append(String.format(Locale.ROOT, format, run.setting(), run.pipeline(), run.rows(),
          Math.round(run.eventsPerSecond()), l == null ? "-" : ReportPage.fixed(l.received().p50(), 1),
          l == null ? "-" : ReportPage.fixed(l.received().p99(), 1),
          l == null ? "-" : ReportPage.fixed(l.visible().p99(), 1), ReportPage.fixed(run.cpuSeconds(), 2),
          Math.round(run.peakHeapBytes() / (1024.0 * 1024.0))));
    }
    return table.toString();
  }
}
