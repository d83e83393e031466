package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Long} as an unsigned varint: 1 byte for 0..127, up to 10 bytes; negative
 * numbers always take 10. Prefer {@link BigEndianLongCoder} when values are often large or
 * negative.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class VarLongCoder extends AtomicCoder<Long> {
  private static final long serialVersionUID = 1L;
  private static final VarLongCoder INSTANCE = new VarLongCoder();
  private static final TypeDescriptor<Long> TYPE = TypeDescriptor.of(Long.class);

  private VarLongCoder() {}

  /** The coder; a singleton. */
  public static VarLongCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Long value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Long");
    }
    VarInt.encode(value.longValue(), out);
  }

  @Override
  public Long decode(InputStream in) throws IOException {
    return VarInt.decodeLong(in);
  }

  /** Does nothing: every long has one varint encoding. */
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
