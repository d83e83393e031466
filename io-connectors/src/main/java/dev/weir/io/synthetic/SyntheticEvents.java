package dev.weir.io.synthetic;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;

/**
 * Reads the benchmark events of {@code WORKLOADS.md}: {@link #bounded(long)} for a batch of
 * {@code n} events, {@link #unbounded()} for a stream of them, endless or of {@code n} events, as
 * fast as possible or at a fixed rate. Every element's timestamp is its event's {@link Event#ts()};
 * the stream's watermark is the largest event time read minus 2048 ms, so no event is late.
 *
 * <p>The transforms are immutable and serializable; {@code with*} methods return copies.
 */
public final class SyntheticEvents {
  private SyntheticEvents() {}

  /**
   * The events {@code 0 <= i < n} as a bounded collection, split into index ranges.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static Bounded bounded(long n) {
    checkArgument(n >= 0, "SyntheticEvents.bounded(n) needs n >= 0 events, got %s", n);
    return new Bounded(n);
  }

  /**
   * The events {@code 0, 1, 2, ...} as an unbounded collection, endless and as fast as they are
   * read until {@link Unbounded#withMaxEvents} or {@link Unbounded#withRate} say otherwise.
   */
  public static Unbounded unbounded() {
    return new Unbounded(Long.MAX_VALUE, 0);
  }

  /** Reads the first {@code n} events as a bounded collection; see {@link SyntheticEvents#bounded}. */
  public static final class Bounded extends PTransform<PBegin, PCollection<Event>> {
    private static final long serialVersionUID = 1L;

    private final long n;

    private Bounded(long n) {
      this.n = n;
    }

    @Override
    public PCollection<Event> expand(PBegin input) {
      return input.apply(Read.from(new BoundedEventSource(0, n)));
    }
  }

  /** Reads the events as an unbounded collection; see {@link SyntheticEvents#unbounded}. */
  public static final class Unbounded extends PTransform<PBegin, PCollection<Event>> {
    private static final long serialVersionUID = 1L;

    private final long maxEvents;
    private final long eventsPerSecond;

    private Unbounded(long maxEvents, long eventsPerSecond) {
      this.maxEvents = maxEvents;
      this.eventsPerSecond = eventsPerSecond;
    }

    /**
     * Ends the stream after the events {@code 0 <= i < n}: its watermark then reaches the end of
     * time. The collection stays unbounded (streaming), as a finite stream.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Unbounded withMaxEvents(long n) {
      checkArgument(n >= 0, "SyntheticEvents.unbounded().withMaxEvents(n) needs n >= 0, got %s", n);
      return new Unbounded(n, eventsPerSecond);
    }

    /**
     * Delivers event {@code i} no sooner than {@code i / eventsPerSecond} seconds after the read
     * started (each reader counts from when it was first created; restored readers keep that start).
     *
     * @throws IllegalArgumentException if {@code eventsPerSecond} is not positive
     */
    public Unbounded withRate(long eventsPerSecond) {
      checkArgument(eventsPerSecond > 0,
          "SyntheticEvents.unbounded().withRate(eventsPerSecond) needs a positive rate, got %s", eventsPerSecond);
      return new Unbounded(maxEvents, eventsPerSecond);
    }

    @Override
    public PCollection<Event> expand(PBegin input) {
      return input.apply(Read.from(new UnboundedEventSource(0, 1, maxEvents, eventsPerSecond)));
    }
  }
}
