package dev.weir.examples.compare;

import com.google.common.html.HtmlEscapers;
import dev.weir.examples.bench.LatencyResult;
import dev.weir.examples.bench.LatencySummary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compare report as one self-contained HTML page: the result check, a throughput table, CPU
 * time and peak heap per run, latency tables and CDF charts, and the pane timeline of each windowed
 * latency run. Charts are embedded images, so the page needs no network and no other file.
 */
final class ReportPage {
  private final StringBuilder html = new StringBuilder();

  private ReportPage() {}

  /**
   * The page for {@code runs}, with {@code checks} (per pipeline, whether every run's answer matched
   * the reference, and how) and {@code context} (machine and command lines, shown as given).
   */
  static String render(List<RunResult> runs, Map<String, String> checks, Map<String, String> context) {
    ReportPage page = new ReportPage();
    page.head();
    page.context(context);
    page.checks(checks);
    page.throughput(runs.stream().filter(r -> r.latency() == null).toList());
    page.latency(runs.stream().filter(r -> r.latency() != null).toList());
    page.failures(runs.stream().filter(RunResult::failed).toList());
    page.html.append("</body></html>\n");
    return page.html.toString();
  }

  private void head() {
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Weir: runners compared</title>")
        .append("<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
        .append("text-align:right}td:first-child,th:first-child{text-align:left}th{background:#f3f3f3}")
        .append(".ok{color:#186a18}.bad{color:#b00020;font-weight:bold}img{max-width:100%;border:1px solid #eee}")
        .append("code,pre{background:#f6f6f6}pre{padding:.5em;overflow-x:auto}</style></head><body>\n")
        .append("<h1>Weir: the same pipeline on every runner</h1>\n");
  }

  private void context(Map<String, String> context) {
    html.append("<table>");
    context.forEach((name, value) -> html.append("<tr><th>").append(esc(name)).append("</th><td style=\"text-align:left\">")
        .append(esc(value)).append("</td></tr>"));
    html.append("</table>\n");
  }

  private void checks(Map<String, String> checks) {
    html.append("<h2>Results</h2>\n<p>Every run's rows and checksum (WORKLOADS.md) are compared with each other and"
        + " with the plain single-threaded loop over the same events.</p><ul>");
    checks.forEach((pipeline, verdict) -> html.append("<li>").append(esc(pipeline)).append(": <span class=\"")
        .append(verdict.startsWith("identical") ? "ok" : "bad").append("\">").append(esc(verdict))
        .append("</span></li>"));
    html.append("</ul>\n");
  }

  private void throughput(List<RunResult> runs) {
    if (runs.isEmpty()) {
      return;
    }
    html.append("<h2>Throughput</h2>\n<p>Bounded input, as fast as the runner goes. Seconds from <code>run()</code>"
        + " to the end of <code>waitUntilFinish()</code>; CPU time of all the JVM's threads while the pipeline ran;"
        + " peak heap is the most heap in use, found just before each garbage collection.</p>\n<table><tr><th>runner and setting</th>"
        + "<th>pipeline</th><th>events</th><th>seconds</th><th>events/s</th><th>rows</th><th>checksum</th>"
        + "<th>CPU s</th><th>peak heap MB</th></tr>");
    for (RunResult run : runs.stream().filter(r -> !r.failed()).toList()) {
      html.append(row(run.setting(), run.pipeline(), run.events(), fixed(run.seconds(), 3),
          Math.round(run.eventsPerSecond()), run.rows(), run.checksum(), fixed(run.cpuSeconds(), 2),
          megabytes(run.peakHeapBytes())));
    }
    html.append("</table>\n");
  }

  private void latency(List<RunResult> runs) {
    List<RunResult> measured = runs.stream().filter(r -> !r.failed()).toList();
    if (measured.isEmpty()) {
      return;
    }
    LatencyResult first = measured.get(0).latency();
    html.append("<h2>Latency</h2>\n<p>").append(esc(first.workload())).append(" at ").append(first.rate())
        .append(" events/s for ").append(first.events() / first.rate()).append(" s. A row's latency is its time minus"
            + " the due time of the event it waited for (WORKLOADS.md). <em>received</em>: when the sink got the row;"
            + " <em>visible</em>: when the sink's transaction committed, which is when a reader of an exactly-once"
            + " sink sees it. What the settings change: the micro-batch runner's <code>--trigger=processingTime:X</code>"
            + " starts a batch every X, and a batch's rows become visible when it commits; the continuous runner's"
            + " <code>--bufferTimeout=X</code> ships a part-filled buffer between tasks after X ms, and rows become"
            + " visible when the checkpoint after them completes (<code>--checkpointInterval</code>, 1000 ms by"
            + " default); the direct runner commits each bundle.</p>\n<table><tr><th>runner and setting</th>"
            + "<th>sustained events/s</th><th>kept up</th>"
            + "<th>received p50 / p99 / p99.9 / max ms</th><th>visible p50 / p99 / p99.9 / max ms</th>"
            + "<th>rows measured</th><th>CPU s</th><th>peak heap MB</th></tr>");
    for (RunResult run : measured) {
      LatencyResult l = run.latency();
      html.append(row(run.setting(), Math.round(l.sustained()), keptUp(l), percentiles(l.received()),
          percentiles(l.visible()), l.received().count(), fixed(run.cpuSeconds(), 2),
          megabytes(run.peakHeapBytes())));
    }
    html.append("</table>\n");
    if (measured.stream().anyMatch(r -> r.latency().received().count() > 0)) {
      image(ReportCharts.latencyCdf("Latency when the sink received the row", measured, false));
      image(ReportCharts.latencyCdf("Latency when the row became visible (committed)", measured, true));
    } else {
      html.append("<p>No row had a due event: the runs were too short for a window to close before the end of"
          + " the stream. Run longer or faster (<code>--seconds</code>, <code>--rate</code>).</p>\n");
    }
    List<RunResult> windowed = measured.stream().filter(r -> !r.latency().panes().isEmpty()).toList();
    if (!windowed.isEmpty()) {
      html.append("<h2>Pane timeline</h2>\n<p>When each run emitted each window's panes (a dot at the window's end),"
          + " against the watermark as the pipeline saw it (the largest event time that had reached its first step, minus 2048 ms). A window can fire once the"
          + " watermark passes its end; the horizontal distance from the watermark line to a dot is how long that"
          + " took.</p>\n");
      windowed.forEach(run -> image(ReportCharts.paneTimeline(run)));
    }
  }

  private void failures(List<RunResult> failed) {
    if (failed.isEmpty()) {
      return;
    }
    html.append("<h2 class=\"bad\">Failed runs</h2>\n");
    for (RunResult run : failed) {
      html.append("<h3>").append(esc(run.pipeline() + " on " + run.setting())).append("</h3><pre>")
          .append(esc(run.error())).append("</pre>\n");
    }
  }

  private static Object keptUp(LatencyResult l) {
    return l.keptUp() ? "yes" : new Markup("<span class=\"bad\">no</span> " + esc("(lag up to "
        + Math.round(l.maxLagMs()) + " ms, " + l.maxBacklogEvents() + " events" + (l.finished() ? "" : ", cancelled")
        + ")"));
  }

  private static String percentiles(LatencySummary s) {
    return fixed(s.p50(), 1) + " / " + fixed(s.p99(), 1) + " / " + fixed(s.p999(), 1) + " / " + fixed(s.max(), 1);
  }

  private void image(String dataUri) {
    html.append("<p><img alt=\"chart\" src=\"").append(dataUri).append("\"></p>\n");
  }

  /** A table row; cells are text, escaped, unless they are {@link Markup}. */
  private static String row(Object... cells) {
    StringBuilder row = new StringBuilder("<tr>");
    for (Object cell : cells) {
      row.append("<td>").append(cell instanceof Markup m ? m.html() : esc(String.valueOf(cell))).append("</td>");
    }
    return row.append("</tr>").toString();
  }

  /** A table cell that is HTML already. */
  private record Markup(String html) {}

  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String megabytes(long bytes) {
    return fixed(bytes / (1024.0 * 1024.0), 0);
  }

  private static String esc(String text) {
    return HtmlEscapers.htmlEscaper().escape(text);
  }
}
