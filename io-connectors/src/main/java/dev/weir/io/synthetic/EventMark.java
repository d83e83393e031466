package dev.weir.io.synthetic;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.UnboundedSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where a reader of the unbounded synthetic source is: everything a new reader needs to resume
 * exactly after the last event delivered. Nothing to acknowledge on finalization, since events
 * are derived, not consumed.
 *
 * @param nextIndex the index of the next event the reader will deliver
 * @param maxTs the largest event time delivered so far, {@link #NO_TS} if none
 * @param startMillis when the reader's generator started, which the rate counts from
 */
record EventMark(long nextIndex, long maxTs, long startMillis) implements UnboundedSource.CheckpointMark {
  /** The {@link #maxTs} of a reader that has delivered nothing yet. */
  static final long NO_TS = Long.MIN_VALUE;

  @Override
  public void finalizeCheckpoint() {}

  /** Encodes a mark as three var-longs: next index, largest event time, start time. */
  static final class EventMarkCoder extends AtomicCoder<EventMark> {
    private static final long serialVersionUID = 1L;
    private static final EventMarkCoder INSTANCE = new EventMarkCoder();

    private EventMarkCoder() {}

    static EventMarkCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(EventMark mark, OutputStream out) throws IOException {
      VarLongCoder.of().encode(mark.nextIndex(), out);
      VarLongCoder.of().encode(mark.maxTs(), out);
      VarLongCoder.of().encode(mark.startMillis(), out);
    }

    @Override
    public EventMark decode(InputStream in) throws IOException {
      long next = VarLongCoder.of().decode(in);
      if (next < 0) {
        throw new CoderException("Corrupt encoded synthetic checkpoint mark: negative next index " + next);
      }
      return new EventMark(next, VarLongCoder.of().decode(in), VarLongCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
