package dev.weir.runtime.state;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.state.Timer;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.util.Objects;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The {@link Timer} handed to one call of user code: one timer id of one key and window, with the
 * rules Beam gives {@code set}:
 * <ul>
 *   <li>The output timestamp defaults to the firing time for event time and to the timestamp of
 *       the element or timer being processed (the base) otherwise; one given explicitly must be
 *       no earlier than the base minus the DoFn's allowed skew and no later than the largest
 *       timestamp.
 *   <li>An event-time timer must fire and output no later than its window's expiry (max timestamp
 *       plus allowed lateness); {@link #setRelative()} clamps the firing time to it. A
 *       processing-time timer must output no later than it.
 * </ul>
 * Violations are {@link IllegalArgumentException}s naming the step, the timer and the times.
 *
 * @param <K> the key type
 */
final class UserTimer<K> implements Timer {
  private final StatefulDoFnCore<K, ?, ?> core;
  private final String timerId;
  private final TimeDomain domain;
  private final StructuralKey<K> key;
  private final BoundedWindow window;
  private final Instant base;
  private Duration offset = Duration.ZERO;
  private Duration period = Duration.ZERO;
  private Instant outputTimestamp;

  UserTimer(StatefulDoFnCore<K, ?, ?> core, String timerId, TimeDomain domain, StructuralKey<K> key,
      BoundedWindow window, Instant base) {
    this.core = core;
    this.timerId = timerId;
    this.domain = domain;
    this.key = key;
    this.window = window;
    this.base = base;
  }

  @Override
  public void set(Instant absoluteTime) {
    setAt(Objects.requireNonNull(absoluteTime, "absoluteTime"));
  }

  @Override
  public void setRelative() {
    Instant now = getCurrentRelativeTime();
    Instant target;
    if (period.equals(Duration.ZERO)) {
      target = now.plus(offset);
    } else {
      // The first t >= now with t + offset on a period boundary, as Beam aligns; floorMod keeps it
      // right before the epoch too.
      long sinceBoundary = Math.floorMod(now.getMillis() + offset.getMillis(), period.getMillis());
      target = sinceBoundary == 0 ? now : now.plus(period.getMillis() - sinceBoundary);
    }
    if (domain == TimeDomain.EVENT_TIME) {
      Instant expiry = core.garbageCollectionTime(window);
      if (target.isAfter(expiry)) {
        target = expiry;
      }
    }
    setAt(target);
  }

  private void setAt(Instant target) {
    Instant output = outputTimestamp;
    if (output != null) {
      checkOutputTimestamp(output);
    } else {
      output = domain == TimeDomain.EVENT_TIME ? target : base;
    }
    Instant expiry = core.garbageCollectionTime(window);
    if (domain == TimeDomain.EVENT_TIME) {
      checkArgument(!target.isAfter(expiry), "%s: event-time timer '%s' cannot fire at %s, after window %s expires at %s"
          + " (its end plus the allowed lateness); set it no later than %s", core.describe(), timerId, target, window,
          expiry, expiry);
    }
    checkArgument(!output.isAfter(expiry), "%s: timer '%s' cannot have output timestamp %s, after window %s expires"
        + " at %s (its end plus the allowed lateness); give withOutputTimestamp a time no later than that",
        core.describe(), timerId, output, window, expiry);
    core.setTimer(key, window, timerId, domain, target, output);
  }

  private void checkOutputTimestamp(Instant output) {
    Duration skew = core.allowedTimestampSkew();
    long lowerBound;
    try {
      lowerBound = Math.max(Math.subtractExact(base.getMillis(), skew.getMillis()),
          BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    } catch (ArithmeticException e) {
      lowerBound = BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis();
    }
    checkArgument(output.getMillis() >= lowerBound && !output.isAfter(BoundedWindow.TIMESTAMP_MAX_VALUE),
        "%s: timer '%s' cannot have output timestamp %s: it must be no earlier than the timestamp of the current "
            + "element or timer (%s) minus the allowed skew (%s), and no later than %s; to allow earlier ones, "
            + "override DoFn.getAllowedTimestampSkew()",
        core.describe(), timerId, output, base, skew, BoundedWindow.TIMESTAMP_MAX_VALUE);
  }

  @Override
  public void clear() {
    core.deleteTimer(key, window, timerId);
  }

  @Override
  public Timer offset(Duration offset) {
    this.offset = Objects.requireNonNull(offset, "offset");
    return this;
  }

  @Override
  public Timer align(Duration period) {
    Objects.requireNonNull(period, "period");
    checkArgument(period.getMillis() > 0, "%s: timer '%s' cannot align to period %s; give a positive period",
        core.describe(), timerId, period);
    this.period = period;
    return this;
  }

  @Override
  public Timer withOutputTimestamp(Instant outputTime) {
    this.outputTimestamp = Objects.requireNonNull(outputTime, "outputTime");
    return this;
  }

  @Override
  public Instant getCurrentRelativeTime() {
    return core.currentTime(domain);
  }

  @Override
  public String toString() {
    return "Timer '" + timerId + "' (" + domain + ") of key " + key + " in " + window;
  }
}
