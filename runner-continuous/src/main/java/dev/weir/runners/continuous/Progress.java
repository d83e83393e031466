package dev.weir.runners.continuous;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.List;
import java.util.Locale;
import org.joda.time.Instant;

/**
 * What a continuous run has done so far, per operator (stage), as seen at one moment.
 *
 * @param operators one entry per stage, in topological order
 * @param checkpoints how many checkpoints completed
 * @param lastCheckpointMillis how long the last completed checkpoint took, from its barrier to its completion
 * @param lastCheckpointBytes how many bytes the last completed checkpoint wrote
 */
public record Progress(List<Operator> operators, long checkpoints, long lastCheckpointMillis, long lastCheckpointBytes) {
  public Progress {
    operators = List.copyOf(operators);
  }

  /**
   * One operator's counters, summed over its subtasks.
   *
   * @param name the full name of the operator's head transform
   * @param subtasks how many subtasks (threads) it runs
   * @param recordsIn records it took in (read, for a source)
   * @param recordsOut records it shipped to other operators or wrote to sinks
   * @param inputWatermark the least input watermark among its subtasks
   * @param blockedMillis milliseconds its subtasks spent blocked on full channels (back-pressure)
   */
  public record Operator(
      String name, int subtasks, long recordsIn, long recordsOut, Instant inputWatermark, long blockedMillis) {}

  /** The operator named {@code name}; fails naming the known ones if there is none. */
  public Operator operator(String name) {
    for (Operator operator : operators) {
      if (operator.name().equals(name)) {
        return operator;
      }
    }
    throw new IllegalArgumentException("No operator '" + name + "'; operators: "
        + operators.stream().map(Operator::name).toList());
  }

  /**
   * One line describing the change from {@code earlier} (null: from the start) over
   * {@code millis}: per operator records in and out per second, input watermark and its lag
   * behind {@code now}, time blocked; then checkpoints.
   */
  public String line(Progress earlier, long millis, Instant now) {
    StringBuilder line = new StringBuilder();
    double seconds = Math.max(1, millis) / 1000.0;
    for (int i = 0; i < operators.size(); i++) {
      Operator operator = operators.get(i);
      Operator before = earlier == null ? null : earlier.operators.get(i);
      long in = operator.recordsIn - (before == null ? 0 : before.recordsIn);
      long out = operator.recordsOut - (before == null ? 0 : before.recordsOut);
      long blocked = operator.blockedMillis - (before == null ? 0 : before.blockedMillis);
      line.append(String.format(Locale.ROOT, "%s[in/s=%.0f out/s=%.0f wm=%s lag=%s blocked=%dms] ",
          operator.name, in / seconds, out / seconds, operator.inputWatermark, lag(operator.inputWatermark, now), blocked));
    }
    line.append(String.format(Locale.ROOT, "checkpoints=%d last=%dms/%dB", checkpoints, lastCheckpointMillis,
        lastCheckpointBytes));
    return line.toString();
  }

  private static String lag(Instant watermark, Instant now) {
    if (!watermark.isAfter(BoundedWindow.TIMESTAMP_MIN_VALUE) || !watermark.isBefore(BoundedWindow.TIMESTAMP_MAX_VALUE)) {
      return "-";
    }
    return Math.max(0, now.getMillis() - watermark.getMillis()) + "ms";
  }
}
