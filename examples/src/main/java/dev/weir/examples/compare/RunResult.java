package dev.weir.examples.compare;

import dev.weir.examples.bench.LatencyResult;
import java.util.List;

/**
 * What one run of a comparison measured, as its child JVM reports it (in JSON) to the compare
 * command.
 *
 * @param pipeline the pipeline run ({@code W1}, {@code L1}, ...)
 * @param runner the runner's short name
 * @param flags the runner's flags
 * @param error why the run failed, or null if it did not
 * @param events the input's size in events
 * @param rows the rows of the answer
 * @param checksum the answer's checksum
 * @param seconds the pipeline's run time: from {@code run()} to the end of {@code waitUntilFinish()}
 * @param cpuSeconds the CPU time the JVM spent while the pipeline ran, all threads
 * @param peakHeapBytes the most heap in use while the pipeline ran, as {@link HeapPeak} measures it
 * @param latency the latency measurements of a latency run, null for a throughput run
 */
record RunResult(
    String pipeline,
    String runner,
    List<String> flags,
    String error,
    long events,
    long rows,
    long checksum,
    double seconds,
    double cpuSeconds,
    long peakHeapBytes,
    LatencyResult latency) {

  /** A run that failed with {@code error} before it measured anything. */
  static RunResult failed(RunPlan plan, String error) {
    return new RunResult(plan.pipeline(), plan.runner(), plan.flags(), error, 0, 0, 0, 0, 0, 0, null);
  }

  /** The runner and its setting, as the report names the run. */
  String setting() {
    return flags.isEmpty() ? runner : runner + " " + String.join(" ", flags);
  }

  boolean failed() {
    return error != null;
  }

  /** Input events per second of run time (a latency run: the rate it sustained). */
  double eventsPerSecond() {
    if (latency != null) {
      return latency.sustained();
    }
    return seconds == 0 ? 0 : events / seconds;
  }
}
