package dev.weir.runtime.timers;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.StructuredCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Encodes {@link TimerData}: key, window, timer id, domain (varint ordinal), timestamp, output
 * timestamp, sequence (varlong). Part of durable snapshots, so the layout only changes with a new
 * snapshot version.
 *
 * @param <KeyT> the type of the timers' keys
 */
public final class TimerDataCoder<KeyT> extends StructuredCoder<TimerData<KeyT>> {
  private static final long serialVersionUID = 1L;
  private static final TimeDomain[] DOMAINS = TimeDomain.values();

  private final Coder<KeyT> keyCoder;
  private final Coder<BoundedWindow> windowCoder;

  private TimerDataCoder(Coder<KeyT> keyCoder, Coder<BoundedWindow> windowCoder) {
    this.keyCoder = Objects.requireNonNull(keyCoder, "keyCoder");
    this.windowCoder = Objects.requireNonNull(windowCoder, "windowCoder");
  }

  /** A coder of timers whose keys use {@code keyCoder} and windows {@code windowCoder}. */
  @SuppressWarnings("unchecked")
  public static <KeyT> TimerDataCoder<KeyT> of(Coder<KeyT> keyCoder, Coder<? extends BoundedWindow> windowCoder) {
    return new TimerDataCoder<>(keyCoder, (Coder<BoundedWindow>) windowCoder);
  }

  @Override
  public void encode(TimerData<KeyT> timer, OutputStream out) throws IOException {
    keyCoder.encode(timer.key(), out);
    windowCoder.encode(timer.window(), out);
    StringUtf8Coder.of().encode(timer.timerId(), out);
    VarIntCoder.of().encode(timer.domain().ordinal(), out);
    InstantCoder.of().encode(timer.timestamp(), out);
    InstantCoder.of().encode(timer.outputTimestamp(), out);
    VarLongCoder.of().encode(timer.sequence(), out);
  }

  @Override
  public TimerData<KeyT> decode(InputStream in) throws IOException {
    KeyT key = keyCoder.decode(in);
    BoundedWindow window = windowCoder.decode(in);
    String timerId = StringUtf8Coder.of().decode(in);
    int domain = VarIntCoder.of().decode(in);
    if (domain < 0 || domain >= DOMAINS.length) {
      throw new CoderException("Unknown time domain number " + domain + " in an encoded timer");
    }
    return new TimerData<>(key, window, timerId, DOMAINS[domain], InstantCoder.of().decode(in),
        InstantCoder.of().decode(in), VarLongCoder.of().decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(keyCoder, windowCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "Timer keys and windows must be encoded deterministically", keyCoder, windowCoder);
  }
}
