package dev.weir.examples.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.examples.bench.LatencyResult;
import dev.weir.examples.bench.LatencyResult.PaneEmission;
import dev.weir.examples.bench.LatencySummary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportPageTest {
  private static LatencyResult latency(String runner, long scaleMicros) {
    long[] micros = new long[1000];
    for (int k = 0; k < micros.length; k++) {
      micros[k] = (k + 1) * scaleMicros;
    }
    return new LatencyResult("L1", runner, 50_000, 400_000, 49_990, 30, true, 4096, 42,
        LatencySummary.ofMicros(micros.clone()), LatencySummary.ofMicros(micros.clone()), 1024, 0,
        List.of(new PaneEmission(10_000, "ON_TIME", 0, 1024, 2500, 2501, 2600)),
        List.of(new double[] {0, -2048}, new double[] {2400, 10_000}));
  }

  private static RunResult latencyRun(String runner, List<String> flags, long scaleMicros) {
    return new RunResult("L1", runner, flags, null, 400_000, 4096, 42, 8, 3.5, 100L << 20, latency(runner, scaleMicros));
  }

  private static String render(List<RunResult> runs) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("command", "compare --runners=<direct>");
    return ReportPage.render(runs, Map.of("L1", "identical: all 2 runs gave rows=4096 checksum=42"), context);
  }

  private static int images(String html) {
    Matcher m = Pattern.compile("<img alt=\"chart\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\">").matcher(html);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }

  @Test
  void latencyRunsGetTwoCdfChartsAndOnePaneTimelineEachAsEmbeddedImages() {
    String html = render(List.of(latencyRun("direct", List.of(), 10),
        latencyRun("microbatch", List.of("--trigger=processingTime:1s"), 1000)));

    assertEquals(2 + 2, images(html));
    assertTrue(html.contains("<td>microbatch --trigger=processingTime:1s</td>"), html);
    assertTrue(html.contains("<h2>Pane timeline</h2>"), html);
    assertFalse(html.contains("http://") || html.contains("https://"), "nothing is loaded from the network");
  }

  @Test
  void aThroughputRunIsARowOfTheThroughputTableWithCpuAndHeap() {
    RunResult run = new RunResult("W1", "direct", List.of(), null, 1_000_000, 10240, -5, 2.5, 4.25, 200L << 20, null);

    String html = render(List.of(run));

    assertTrue(html.contains("<tr><td>direct</td><td>W1</td><td>1000000</td><td>2.500</td><td>400000</td>"
        + "<td>10240</td><td>-5</td><td>4.25</td><td>200</td></tr>"), html);
    assertEquals(0, images(html));
  }

  @Test
  void failedRunsAreShownWithTheirErrorEscaped() {
    RunResult failed = RunResult.failed(new RunPlan(1, "W1", "direct", List.of()), "boom <at> line 3");

    String html = render(List.of(failed));

    assertTrue(html.contains("<h2 class=\"bad\">Failed runs</h2>"), html);
    assertTrue(html.contains("boom &lt;at&gt; line 3"), html);
    assertTrue(html.contains("compare --runners=&lt;direct&gt;"), html);
  }

  @Test
  void runsWithoutMeasuredRowsSayWhyInsteadOfDrawingEmptyCharts() {
    LatencyResult none = new LatencyResult("L1", "direct", 1000, 2000, 999, 1, true, 1024, 42,
        LatencySummary.ofMicros(new long[0]), LatencySummary.ofMicros(new long[0]), 1024, 0, List.of(), List.of());

    String html = render(List.of(new RunResult("L1", "direct", List.of(), null, 2000, 1024, 42, 2, 1, 1, none)));

    assertTrue(html.contains("No row had a due event"), html);
    assertEquals(0, images(html));
  }

  @Test
  void aRunThatDidNotKeepUpSaysSoWithItsBacklog() {
    LatencyResult behind = new LatencyResult("L1", "direct", 50_000, 400_000, 30_000, 2000, true, 4096, 42,
        LatencySummary.ofMicros(new long[] {5000}), LatencySummary.ofMicros(new long[] {6000}), 0, 0, List.of(),
        List.of());

    String html = render(List.of(new RunResult("L1", "direct", List.of(), null, 400_000, 4096, 42, 8, 1, 1, behind)));

    assertTrue(html.contains("<td><span class=\"bad\">no</span> (lag up to 2000 ms, 100000 events)</td>"), html);
  }
}
