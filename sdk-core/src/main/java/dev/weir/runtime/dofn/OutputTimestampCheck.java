package dev.weir.runtime.dofn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.transforms.windowing.BoundedWindow;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The rule for timestamps a DoFn gives its outputs while processing an element (or a timer): no
 * earlier than {@code input timestamp - allowed skew} (clamped to the smallest element timestamp)
 * and no later than the largest element timestamp. An output may move forward in time freely;
 * moving back could make it late relative to a watermark that the input held. For a timer, the
 * timer's output timestamp stands for the input's.
 *
 * <p>Immutable and thread-safe. Violations are {@link IllegalArgumentException}s naming the
 * step, both timestamps, the skew and how to change it.
 */
public final class OutputTimestampCheck {
  private final String stepName;
  private final String fnClassName;
  private final Duration allowedSkew;

  /** A check for outputs of the DoFn class {@code fnClassName} in step {@code stepName}. */
  public OutputTimestampCheck(String stepName, String fnClassName, Duration allowedSkew) {
    this.stepName = stepName;
    this.fnClassName = fnClassName;
    this.allowedSkew = allowedSkew;
  }

  /** Checks {@code output}, the timestamp given to an output made while processing an input at {@code input}. */
  public void check(Instant input, Instant output) {
    check("the input's timestamp", input, output);
  }

  /**
   * Checks {@code output} against {@code base}, the timestamp outputs default to, described as
   * {@code baseDescription} (such as "the timer's output timestamp") in the error.
   */
  public void check(String baseDescription, Instant base, Instant output) {
    long lowerBound;
    try {
      lowerBound = Math.max(
          Math.subtractExact(base.getMillis(), allowedSkew.getMillis()), BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    } catch (ArithmeticException e) {
      // A skew of "forever" (Beam's idiom is Duration.millis(Long.MAX_VALUE)) allows any past timestamp.
      lowerBound = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    }
    if (output.getMillis() < lowerBound) {
      throw new IllegalArgumentException(String.format(
          "Step '%s' output an element with timestamp %s, earlier than %s %s minus the allowed "
              + "skew %s. Outputs of %s must have timestamps no earlier than %s; to allow earlier ones, override "
              + "DoFn.getAllowedTimestampSkew()",
          stepName, output, baseDescription, base, allowedSkew, fnClassName, new Instant(lowerBound)));
    }
    checkArgument(!output.isAfter(BoundedWindow.TIMESTAMP_MAX_VALUE),
        "Step '%s' output an element with timestamp %s, after the largest element timestamp %s",
        stepName, output, BoundedWindow.TIMESTAMP_MAX_VALUE);
  }
}
