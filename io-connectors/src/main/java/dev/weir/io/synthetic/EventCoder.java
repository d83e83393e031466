package dev.weir.io.synthetic;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.VarLongCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes an {@link Event} as its index (a var-long), and decodes it by deriving the event again.
 *
 * <p>This loses nothing: an event can only be made by {@link Event#of(long)}, so its index
 * determines every other field. Deterministic (equal events encode to equal bytes), so events may
 * be grouping keys. Stateless and thread-safe; decoding fails with a {@link CoderException} for a
 * negative index, which no encoder of this class writes.
 */
public final class EventCoder extends AtomicCoder<Event> {
  private static final long serialVersionUID = 1L;
  private static final EventCoder INSTANCE = new EventCoder();

  private EventCoder() {}

  /** The coder of events. */
  public static EventCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Event value, OutputStream outStream) throws IOException {
    VarLongCoder.of().encode(value.index(), outStream);
  }

  @Override
  public Event decode(InputStream inStream) throws IOException {
    long index = VarLongCoder.of().decode(inStream);
    if (index < 0) {
      throw new CoderException("Corrupt encoded Event: negative index " + index);
    }
    return Event.of(index);
  }

  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }
}
