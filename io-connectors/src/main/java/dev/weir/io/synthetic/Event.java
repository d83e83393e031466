package dev.weir.io.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.Serializable;

/**
 * One benchmark event: every field is derived from the event's index {@code i} through the hash
 * {@code h = mix(i)}, exactly as {@code WORKLOADS.md} defines it.
 *
 * <p>Since the only way to make an event is {@link #of(long)}, an event is fully determined by its
 * index: two events are equal when their indexes are, and {@link EventCoder} encodes the index
 * alone. Immutable, serializable and thread-safe.
 */
public final class Event implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long index;
  private final int deviceNumber;
  private final int signal;
  private final int userNumber;
  private final int delay;
  private final long ts;
  // The strings are built on first use, once: most workloads read one of them or none, and a
  // pipeline, unlike a plain loop the JIT sees whole, cannot skip building a field nobody reads.
  // Racy but safe: every thread builds an equal string, and strings are immutable.
  private transient String device;
  private transient String user;

  private Event(long index, int deviceNumber, int signal, int userNumber, int delay, long ts) {
    this.index = index;
    this.deviceNumber = deviceNumber;
    this.signal = signal;
    this.userNumber = userNumber;
    this.delay = delay;
    this.ts = ts;
  }

  /**
   * Event number {@code i} of the generator.
   *
   * @throws IllegalArgumentException if {@code i} is negative
   */
  public static Event of(long i) {
    checkArgument(i >= 0, "An event index must not be negative, got %s", i);
    long h = mix(i);
    int delay = (int) ((h >>> 31) & 2047);
    return new Event(
        i,
        (int) (h & 1023),
        (int) ((h >>> 10) & 31),
        (int) ((h >>> 15) & 65535),
        delay,
        Math.max(0, i / 10 - delay));
  }

  /** SplitMix64's step: the hash events are derived from, and the fold of {@link RowHash}. */
  public static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The event's index {@code i}, from 0. */
  public long index() {
    return index;
  }

  /** {@code "d" + (h & 1023)}. */
  public String device() {
    String built = device;
    if (built == null) {
      built = "d" + deviceNumber;
      device = built;
    }
    return built;
  }

  /** {@code (h >>> 10) & 31}, from 0 to 31. */
  public int signal() {
    return signal;
  }

  /** {@code "u" + ((h >>> 15) & 65535)}. */
  public String user() {
    String built = user;
    if (built == null) {
      built = "u" + userNumber;
      user = built;
    }
    return built;
  }

  /** {@code (h >>> 31) & 2047}: how many ms the event's time lags {@code i / 10}. */
  public int delay() {
    return delay;
  }

  /** The event time in ms since the epoch: {@code max(0, i / 10 - delay)}. */
  public long ts() {
    return ts;
  }

  // Deserialized fields are not trusted: the event is derived again from its index.
  private Object readResolve() {
    return of(index);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event && ((Event) o).index == index;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(index);
  }

  @Override
  public String toString() {
    return "Event{index=" + index + ", device=" + device() + ", signal=" + signal + ", user=" + user()
        + ", delay=" + delay + ", ts=" + ts + "}";
  }
}
