package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Session windows: each element starts the window {@code [timestamp, timestamp + gap)}, and the
 * windows of one key that overlap merge, so a session ends after {@code gap} without elements.
 * Windows that merely touch do not merge (an element exactly {@code gap} after the previous one
 * starts a new session), as in Beam.
 *
 * <p>Immutable. Session windows cannot window a side input.
 */
public final class Sessions extends WindowFn<Object, IntervalWindow> {
  private static final long serialVersionUID = 1L;

  private final Duration gapDuration;

  private Sessions(Duration gapDuration) {
    checkArgument(
        gapDuration.getMillis() > 0, "Sessions.withGapDuration needs a positive gap, got %s", gapDuration);
    this.gapDuration = gapDuration;
  }

  /** Sessions that end after {@code gapDuration} without elements. */
  public static Sessions withGapDuration(Duration gapDuration) {
    return new Sessions(gapDuration);
  }

  public Duration getGapDuration() {
    return gapDuration;
  }

  @Override
  public Collection<IntervalWindow> assignWindows(AssignContext c) {
    return List.of(new IntervalWindow(c.timestamp(), gapDuration));
  }

  @Override
  public void mergeWindows(MergeContext c) throws Exception {
    MergeOverlappingIntervalWindows.mergeWindows(c);
  }

  @Override
  public boolean assignsToOneWindow() {
    return true;
  }

  /** Any two session window functions are compatible, whatever their gaps (as in Beam). */
  @Override
  public boolean isCompatible(WindowFn<?, ?> other) {
    return other instanceof Sessions;
  }

  @Override
  public Coder<IntervalWindow> windowCoder() {
    return IntervalWindow.getCoder();
  }

  /** Always throws: a main-input window cannot tell which session of a side input it should read. */
  @Override
  public WindowMappingFn<IntervalWindow> getDefaultWindowMappingFn() {
    throw new UnsupportedOperationException(
        "Sessions windows cannot be used for side inputs: which session a main-input window reads is"
            + " undefined. Window the side input with FixedWindows, SlidingWindows or GlobalWindows instead");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sessions other && gapDuration.equals(other.gapDuration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Sessions.class, gapDuration);
  }

  @Override
  public String toString() {
    return "Sessions(gap " + gapDuration + ")";
  }
}
