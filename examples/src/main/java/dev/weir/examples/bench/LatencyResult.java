package dev.weir.examples.bench;

import java.util.List;

/**
 * The outcome of one latency run: what the latency line prints, and what the compare report
 * charts. Times on the run's own clock are milliseconds after the generator's start.
 *
 * @param workload {@code L0} or {@code L1}
 * @param runner the runner's short name
 * @param rate the generator's rate, events per second
 * @param events how many events the stream had: {@code rate * seconds}
 * @param sustained events per second the pipeline actually took in, from the generator's start to
 *     the arrival of its last event
 * @param maxLagMs the largest lag of an event's arrival behind its due time
 * @param finished whether the pipeline finished (false: cancelled after the grace period)
 * @param rows every row the sink committed
 * @param checksum the wrapping sum of their hashes
 * @param received the latency of each measured row when the sink received it
 * @param visible the latency of each measured row when its transaction committed
 * @param unmeasuredRows rows with no latency: their windows were closed by the end of the stream,
 *     not by an event
 * @param uncommittedRows rows the sink prepared but no transaction committed
 * @param panes when each window's panes reached the sink and became visible
 * @param watermark the source's watermark over the run, as {@code {runMs, watermarkMs}}
 */
public record LatencyResult(
    String workload,
    String runner,
    long rate,
    long events,
    double sustained,
    double maxLagMs,
    boolean finished,
    long rows,
    long checksum,
    LatencySummary received,
    LatencySummary visible,
    long unmeasuredRows,
    long uncommittedRows,
    List<PaneEmission> panes,
    List<double[]> watermark) {

  /** Whether the pipeline took in every event at (nearly) the rate asked for: at least 95% of it. */
  public boolean keptUp() {
    return finished && sustained >= 0.95 * rate;
  }

  /** The most events the source was behind its schedule at once. */
  public long maxBacklogEvents() {
    return (long) (maxLagMs * rate / 1000);
  }

  /**
   * One pane of one window, as the sink saw it.
   *
   * @param windowEndMs the window's end in event time
   * @param timing the pane's timing ({@code EARLY}, {@code ON_TIME}, {@code LATE})
   * @param index the pane's index in its window
   * @param rows the rows of the pane
   * @param firstWriteMs when the sink received the pane's first row, on the run's clock
   * @param lastWriteMs when it received the last
   * @param visibleMs when the last of its rows became visible
   */
  public record PaneEmission(long windowEndMs, String timing, long index, long rows, double firstWriteMs,
      double lastWriteMs, double visibleMs) {}
}
