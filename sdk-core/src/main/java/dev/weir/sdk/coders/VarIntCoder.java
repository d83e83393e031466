package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes an {@link Integer} as an unsigned varint: 1 byte for 0..127, up to 5 bytes; negative
 * numbers always take 5. Prefer {@link BigEndianIntegerCoder} when values are often large or
 * negative.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class VarIntCoder extends AtomicCoder<Integer> {
  private static final long serialVersionUID = 1L;
  private static final VarIntCoder INSTANCE = new VarIntCoder();
  private static final TypeDescriptor<Integer> TYPE = TypeDescriptor.of(Integer.class);

  private VarIntCoder() {}

  /** The coder; a singleton. */
  public static VarIntCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Integer value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Integer");
    }
    VarInt.encode(value.intValue(), out);
  }

  @Override
  public Integer decode(InputStream in) throws IOException {
    return VarInt.decodeInt(in);
  }

  /** Does nothing: every int has one varint encoding. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Integer> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
