package dev.weir.examples.compare;

import dev.weir.examples.bench.Bench;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Decides whether the runs of a comparison agree: per pipeline, every successful run's rows and
 * checksum must equal those of the plain single-threaded loop over the same events (and so each
 * other). A latency workload's answer is its throughput workload's ({@code L1} is {@code W1} at a
 * rate). Stateless.
 */
final class AnswerCheck {
  private AnswerCheck() {}

  /** The plain loop's answer for each pipeline of {@code runs}, by pipeline. */
  static Map<String, Bench.Answer> references(List<RunResult> runs, BiFunction<String, Long, Bench.Answer> loop) {
    Map<String, Bench.Answer> references = new LinkedHashMap<>();
    for (RunResult run : runs) {
      if (!run.failed() && !references.containsKey(run.pipeline())) {
        references.put(run.pipeline(), loop.apply(run.pipeline().replace('L', 'W'), run.events()));
      }
    }
    return references;
  }

  /**
   * One verdict per pipeline: {@code identical ...} when every run matched the reference, otherwise
   * which runs differed or failed, with their answers.
   */
  static Map<String, String> verdicts(List<RunResult> runs, Map<String, Bench.Answer> references) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String pipeline : runs.stream().map(RunResult::pipeline).distinct().toList()) {
      Bench.Answer reference = references.get(pipeline);
      StringBuilder problems = new StringBuilder();
      int matched = 0;
      for (RunResult run : runs.stream().filter(r -> r.pipeline().equals(pipeline)).toList()) {
        if (run.failed()) {
          problems.append("; ").append(run.setting()).append(" failed");
        } else if (run.rows() != reference.rows() || run.checksum() != reference.checksum()) {
          problems.append("; ").append(run.setting()).append(" gave rows=").append(run.rows())
              .append(" checksum=").append(run.checksum());
        } else {
          matched++;
        }
      }
      String expected = reference == null ? "no run finished"
          : "rows=" + reference.rows() + " checksum=" + reference.checksum();
      verdicts.put(pipeline, problems.length() == 0
          ? "identical: all " + matched + " runs gave " + expected + ", as the plain loop does"
          : "NOT identical: the plain loop gives " + expected + problems);
    }
    return verdicts;
  }
}
