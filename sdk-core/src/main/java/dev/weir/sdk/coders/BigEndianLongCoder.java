package dev.weir.sdk.coders;

import com.google.common.primitives.Longs;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Long} in 8 bytes, most significant first.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class BigEndianLongCoder extends AtomicCoder<Long> {
  private static final long serialVersionUID = 1L;
  private static final BigEndianLongCoder INSTANCE = new BigEndianLongCoder();
  private static final TypeDescriptor<Long> TYPE = TypeDescriptor.of(Long.class);

  private BigEndianLongCoder() {}

  /** The coder; a singleton. */
  public static BigEndianLongCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Long value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Long");
    }
    out.write(Longs.toByteArray(value));
  }

  @Override
  public Long decode(InputStream in) throws IOException {
    return Longs.fromByteArray(VarInt.readBytes(in, Long.BYTES));
  }

  /** Does nothing: the encoding is a fixed function of the value. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Long> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
