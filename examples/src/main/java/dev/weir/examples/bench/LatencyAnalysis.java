package dev.weir.examples.bench;

import dev.weir.examples.bench.LatencyResult.PaneEmission;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a {@link LatencyRecorder} observed into a {@link LatencyResult}: latencies from due
 * times, the sustained rate, the lag behind the generator, and the panes per window.
 *
 * <p>Event {@code i} is due at {@code start + i / R} (the generator's schedule, in whole ms), where
 * {@code start} is the generator's start as the pipeline observed it (see
 * {@link LatencyRecorder.Observations#startMicros}). A row measured from an index at or beyond the
 * end of the stream has no due time: the end of the stream, not an event, produced it.
 */
final class LatencyAnalysis {
  private LatencyAnalysis() {}

  static LatencyResult of(LatencyWorkload workload, String runner, long rate, long events, boolean finished,
      LatencyRecorder recorder) {
    LatencyRecorder.Observations seen = recorder.observations();
    long start = seen.startMicros();
    StampedRows rows = seen.committed();
    long[] received = new long[rows.size()];
    long[] visible = new long[rows.size()];
    int measured = 0;
    long checksum = 0;
    for (int k = 0; k < rows.size(); k++) {
      checksum += rows.rowHash(k);
      if (rows.dueIndex(k) < events) {
        long due = start + recorder.dueOffsetMicros(rows.dueIndex(k));
        received[measured] = rows.writeMicros(k) - due;
        visible[measured] = rows.commitMicros(k) - due;
        measured++;
      }
    }
    double sustained = seen.events() > 1 && seen.lastArrivalMicros() > start
        ? (seen.events() - 1) * 1e6 / (seen.lastArrivalMicros() - start)
        : 0;
    double maxLagMs = seen.events() == 0 ? 0 : (seen.maxLagOffsetMicros() - start) / 1000.0;
    return new LatencyResult(workload.name(), runner, rate, events, sustained, maxLagMs,
        finished && seen.events() == events, rows.size(), checksum,
        LatencySummary.ofMicros(Arrays.copyOf(received, measured)),
        LatencySummary.ofMicros(Arrays.copyOf(visible, measured)),
        rows.size() - measured, seen.uncommittedRows(), panes(rows, start), watermark(seen.watermarkSamples(), start));
  }

  private static List<PaneEmission> panes(StampedRows rows, long startMicros) {
    Map<List<Long>, long[]> byPane = new LinkedHashMap<>();
    for (int k = 0; k < rows.size(); k++) {
      if (rows.windowEnd(k) == LatencyRow.NO_WINDOW) {
        continue;
      }
      // {rows, first write, last write, last commit}
      long[] pane = byPane.computeIfAbsent(List.of(rows.windowEnd(k), rows.pane(k)),
          key -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE});
      pane[0]++;
      pane[1] = Math.min(pane[1], rows.writeMicros(k));
      pane[2] = Math.max(pane[2], rows.writeMicros(k));
      pane[3] = Math.max(pane[3], rows.commitMicros(k));
    }
    List<PaneEmission> panes = new ArrayList<>();
    byPane.forEach((key, pane) -> {
      long encoded = key.get(1);
      panes.add(new PaneEmission(key.get(0), PaneInfo.Timing.values()[(int) (encoded % 4)].name(), encoded / 4,
          pane[0], (pane[1] - startMicros) / 1000.0, (pane[2] - startMicros) / 1000.0,
          (pane[3] - startMicros) / 1000.0));
    });
    panes.sort(Comparator.comparingLong(PaneEmission::windowEndMs).thenComparingLong(PaneEmission::index));
    return panes;
  }

  private static List<double[]> watermark(List<long[]> samples, long startMicros) {
    List<double[]> points = new ArrayList<>();
    for (long[] sample : samples) {
      points.add(new double[] {(sample[0] - startMicros) / 1000.0, sample[1]});
    }
    return points;
  }
}
