package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.joda.time.Duration;

/**
 * Encodes a joda {@link Duration} as its milliseconds in a varint (see {@link VarLongCoder}).
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class DurationCoder extends AtomicCoder<Duration> {
  private static final long serialVersionUID = 1L;
  private static final DurationCoder INSTANCE = new DurationCoder();
  private static final TypeDescriptor<Duration> TYPE = TypeDescriptor.of(Duration.class);

  private DurationCoder() {}

  /** The coder; a singleton. */
  public static DurationCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Duration value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Duration");
    }
    VarInt.encode(value.getMillis(), out);
  }

  @Override
  public Duration decode(InputStream in) throws IOException {
    return Duration.millis(VarInt.decodeLong(in));
  }

  /** Does nothing: the encoding is a fixed function of the milliseconds. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Duration> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
