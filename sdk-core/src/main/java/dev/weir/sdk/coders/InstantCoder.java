package dev.weir.sdk.coders;

import com.google.common.primitives.Longs;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.joda.time.Instant;

/**
 * Encodes a joda {@link Instant} as its epoch milliseconds in 8 bytes, most significant first,
 * with the sign bit flipped so that the encodings of earlier instants sort before those of later
 * ones when compared as unsigned bytes.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class InstantCoder extends AtomicCoder<Instant> {
  private static final long serialVersionUID = 1L;
  private static final InstantCoder INSTANCE = new InstantCoder();
  private static final TypeDescriptor<Instant> TYPE = TypeDescriptor.of(Instant.class);

  private InstantCoder() {}

  /** The coder; a singleton. */
  public static InstantCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Instant value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Instant");
    }
    out.write(Longs.toByteArray(value.getMillis() ^ Long.MIN_VALUE));
  }

  @Override
  public Instant decode(InputStream in) throws IOException {
    return new Instant(Longs.fromByteArray(VarInt.readBytes(in, Long.BYTES)) ^ Long.MIN_VALUE);
  }

  /** Does nothing: the encoding is a fixed function of the milliseconds. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Instant> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
