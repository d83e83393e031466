package dev.weir.sdk.transforms.windowing;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.joda.time.Instant;
import org.joda.time.ReadableDuration;
import org.joda.time.ReadableInstant;

/**
 * A window covering the half-open interval of event time {@code [start, end)}; its
 * {@link #maxTimestamp()} is {@code end - 1ms}.
 *
 * <p>Immutable; ordered by start, then end (as Beam orders them).
 */
public final class IntervalWindow extends BoundedWindow implements Comparable<IntervalWindow> {
  private final Instant start;
  private final Instant end;
  // The bounds again as millis: equals and hashCode run per element and window in groupings.
  private final long startMillis;
  private final long endMillis;
  /** {@code end - 1ms}, made on first use: grouping asks for it once per element and window. */
  private Instant maxTimestamp;

  /** The window {@code [start, end)}. */
  public IntervalWindow(Instant start, Instant end) {
    checkArgument(!end.isBefore(start), "IntervalWindow end %s is before its start %s", end, start);
    this.start = start;
    this.end = end;
    this.startMillis = start.getMillis();
    this.endMillis = end.getMillis();
  }

  /** The window {@code [start, start + size)}. */
  public IntervalWindow(Instant start, ReadableDuration size) {
    this(start, new Instant(start.getMillis() + size.getMillis()));
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  @Override
  public Instant maxTimestamp() {
    // Racy but safe: Instant is immutable with final fields, so a thread sees a whole one or null.
    Instant max = maxTimestamp;
    if (max == null) {
      max = new Instant(endMillis - 1);
      maxTimestamp = max;
    }
    return max;
  }

  /** Whether {@code other} lies entirely within this window. */
  public boolean contains(IntervalWindow other) {
    return !start.isAfter(other.start) && !end.isBefore(other.end);
  }

  /** Whether this window ends at or before {@code other} begins. */
  public boolean isDisjoint(IntervalWindow other) {
    return !end.isAfter(other.start) || !other.end.isAfter(start);
  }

  /** Whether the two windows share any instant. */
  public boolean intersects(IntervalWindow other) {
    return !isDisjoint(other);
  }

  /** The smallest window containing both. */
  public IntervalWindow span(IntervalWindow other) {
    return new IntervalWindow(
        new Instant(Math.min(start.getMillis(), other.start.getMillis())),
        new Instant(Math.max(end.getMillis(), other.end.getMillis())));
  }

  /** Whether {@code instant} is within {@code [start, end)}. */
  public boolean containsInstant(ReadableInstant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }

  @Override
  public int compareTo(IntervalWindow o) {
    int byStart = start.compareTo(o.start);
    return byStart != 0 ? byStart : end.compareTo(o.end);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalWindow
        && startMillis == ((IntervalWindow) o).startMillis
        && endMillis == ((IntervalWindow) o).endMillis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(startMillis * 31 + endMillis);
  }

  @Override
  public String toString() {
    return "[" + start + ".." + end + ")";
  }

  /** The coder of interval windows. */
  public static Coder<IntervalWindow> getCoder() {
    return IntervalWindowCoder.INSTANCE;
  }

  /** Encodes a window as its end then its length, both as big-endian longs of milliseconds. */
  public static final class IntervalWindowCoder extends Coder<IntervalWindow> {
    private static final long serialVersionUID = 1L;
    private static final IntervalWindowCoder INSTANCE = new IntervalWindowCoder();

    /** The singleton instance. */
    public static IntervalWindowCoder of() {
      return INSTANCE;
    }

    private IntervalWindowCoder() {}

    @Override
    public void encode(IntervalWindow window, OutputStream out) throws IOException {
      if (window == null) {
        throw new CoderException("cannot encode a null IntervalWindow");
      }
      DataOutputStream data = new DataOutputStream(out);
      data.writeLong(window.end.getMillis());
      data.writeLong(window.end.getMillis() - window.start.getMillis());
      data.flush();
    }

    @Override
    public IntervalWindow decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      long end = data.readLong();
      long length = data.readLong();
      return new IntervalWindow(new Instant(end - length), new Instant(end));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
