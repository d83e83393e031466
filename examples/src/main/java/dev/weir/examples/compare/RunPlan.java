package dev.weir.examples.compare;

import java.util.List;

/**
 * One run of a comparison: a pipeline on one runner with one setting of its flags.
 *
 * @param number the run's position in the comparison, from 1
 * @param pipeline {@code W0} to {@code W3} (a throughput run) or {@code L0}, {@code L1} (a latency run)
 * @param runner the runner's short name, as {@code --runner} takes it
 * @param flags the runner's flags for this setting, each {@code --name=value}
 */
record RunPlan(int number, String pipeline, String runner, List<String> flags) {
  RunPlan {
    flags = List.copyOf(flags);
  }

  /** The runner and its setting, as charts and tables name it: {@code microbatch --trigger=processingTime:100ms}. */
  String setting() {
    return flags.isEmpty() ? runner : runner + " " + String.join(" ", flags);
  }

  /** Whether this is a latency run. */
  boolean isLatency() {
    return pipeline.startsWith("L");
  }
}
