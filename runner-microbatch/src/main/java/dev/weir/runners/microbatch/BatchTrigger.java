package dev.weir.runners.microbatch;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import org.joda.time.Duration;

/**
 * When the micro-batch runner starts batches, parsed from {@code --trigger}: at a processing-time
 * interval (the default, with interval 0: as soon as the previous batch ended), until what is
 * available now is processed ({@code availableNow}), or for one batch of new data ({@code once}).
 *
 * @param kind which trigger
 * @param interval the interval of a processing-time trigger; zero for the others
 */
public record BatchTrigger(Kind kind, Duration interval) {

  /** The kinds of trigger. */
  public enum Kind {
    /** Batches every {@code interval}, forever (until the input ends). */
    PROCESSING_TIME,
    /** Batches until what the sources have now is processed, then stop. */
    AVAILABLE_NOW,
    /** One batch of what the sources have now (no per-batch limit), then the batches its watermark needs. */
    ONCE
  }

  /**
   * Parses {@code processingTime:<duration>}, {@code availableNow} or {@code once}; a duration is a
   * number of milliseconds or a number with the unit {@code ms}, {@code s}, {@code m} or {@code h}.
   *
   * @throws IllegalArgumentException naming the flag and the accepted forms
   */
  public static BatchTrigger parse(String text) {
    String value = text.trim();
    if (value.equalsIgnoreCase("availableNow")) {
      return new BatchTrigger(Kind.AVAILABLE_NOW, Duration.ZERO);
    }
    if (value.equalsIgnoreCase("once")) {
      return new BatchTrigger(Kind.ONCE, Duration.ZERO);
    }
    String prefix = "processingtime:";
    checkArgument(value.toLowerCase(Locale.ROOT).startsWith(prefix), "Invalid --trigger=%s. Fix: use"
        + " processingTime:<duration> (e.g. processingTime:0, processingTime:500ms, processingTime:2s),"
        + " availableNow or once.", text);
    return new BatchTrigger(Kind.PROCESSING_TIME, parseDuration(text, value.substring(prefix.length()).trim()));
  }

  private static Duration parseDuration(String flag, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    long unitMillis = 1;
    String number = lower;
    if (lower.endsWith("ms")) {
      number = lower.substring(0, lower.length() - 2);
    } else if (lower.endsWith("s")) {
      unitMillis = 1000;
      number = lower.substring(0, lower.length() - 1);
    } else if (lower.endsWith("m")) {
      unitMillis = 60_000;
      number = lower.substring(0, lower.length() - 1);
    } else if (lower.endsWith("h")) {
      unitMillis = 3_600_000;
      number = lower.substring(0, lower.length() - 1);
    }
    try {
      long amount = Long.parseLong(number.trim());
      checkArgument(amount >= 0, "Invalid --trigger=%s: the interval must not be negative.", flag);
      return Duration.millis(amount * unitMillis);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid --trigger=" + flag + ": '" + text + "' is not a duration. Fix: use"
          + " a whole number with ms, s, m or h, e.g. processingTime:500ms.", e);
    }
  }
}
