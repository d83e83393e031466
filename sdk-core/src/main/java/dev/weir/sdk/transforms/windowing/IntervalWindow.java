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
  // Kept as millis: window functions make several windows per element, and groupings compare and
  // hash them per element; the Instants are made only when asked for.
  private final long startMillis;
  private final long endMillis;
  // Made on first use. Racy but safe: Instant is immutable with final fields, so a thread sees a
  // whole one or null, and at worst makes an equal one again.
  private Instant start;
  private Instant end;
  private Instant maxTimestamp;

  /** The window {@code [start, end)}. */
  public IntervalWindow(Instant start, Instant end) {
    this(start.getMillis(), end.getMillis());
    this.start = start;
    this.end = end;
  }

  /** The window {@code [start, start + size)}. */
  public IntervalWindow(Instant start, ReadableDuration size) {
    this(start.getMillis(), start.getMillis() + size.getMillis());
    this.start = start;
  }

  /** The window {@code [startMillis, endMillis)}, for the window functions of this package. */
  IntervalWindow(long startMillis, long endMillis) {
    checkArgument(endMillis >= startMillis, "IntervalWindow end %s is before its start %s",
        new Instant(endMillis), new Instant(startMillis));
    this.startMillis = startMillis;
    this.endMillis = endMillis;
  }

  public Instant start() {
    Instant made = start;
    if (made == null) {
      made = new Instant(startMillis);
      start = made;
    }
    return made;
  }

  public Instant end() {
    Instant made = end;
    if (made == null) {
      made = new Instant(endMillis);
      end = made;
    }
    return made;
  }

  @Override
  public Instant maxTimestamp() {
    Instant made = maxTimestamp;
    if (made == null) {
      made = new Instant(endMillis - 1);
      maxTimestamp = made;
    }
    return made;
  }

  /** Whether {@code other} lies entirely within this window. */
  public boolean contains(IntervalWindow other) {
    return startMillis <= other.startMillis && endMillis >= other.endMillis;
  }

  /** Whether this window ends at or before {@code other} begins. */
  public boolean isDisjoint(IntervalWindow other) {
    return endMillis <= other.startMillis || other.endMillis <= startMillis;
  }

  /** Whether the two windows share any instant. */
  public boolean intersects(IntervalWindow other) {
    return !isDisjoint(other);
  }

  /** The smallest window containing both. */
  public IntervalWindow span(IntervalWindow other) {
    return new IntervalWindow(Math.min(startMillis, other.startMillis), Math.max(endMillis, other.endMillis));
  }

  /** Whether {@code instant} is within {@code [start, end)}. */
  public boolean containsInstant(ReadableInstant instant) {
    long millis = instant.getMillis();
    return millis >= startMillis && millis < endMillis;
  }

  @Override
  public int compareTo(IntervalWindow o) {
    int byStart = Long.compare(startMillis, o.startMillis);
    return byStart != 0 ? byStart : Long.compare(endMillis, o.endMillis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IntervalWindow other && startMillis == other.startMillis && endMillis == other.endMillis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(startMillis * 31 + endMillis);
  }

  @Override
  public String toString() {
    return "[" + start() + ".." + end() + ")";
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
      data.writeLong(window.endMillis);
      data.writeLong(window.endMillis - window.startMillis);
      data.flush();
    }

    @Override
    public IntervalWindow decode(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      long end = data.readLong();
      long length = data.readLong();
      return new IntervalWindow(end - length, end);
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
