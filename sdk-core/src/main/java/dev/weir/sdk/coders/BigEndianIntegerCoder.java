package dev.weir.sdk.coders;

import com.google.common.primitives.Ints;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes an {@link Integer} in 4 bytes, most significant first.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class BigEndianIntegerCoder extends AtomicCoder<Integer> {
  private static final long serialVersionUID = 1L;
  private static final BigEndianIntegerCoder INSTANCE = new BigEndianIntegerCoder();
  private static final TypeDescriptor<Integer> TYPE = TypeDescriptor.of(Integer.class);

  private BigEndianIntegerCoder() {}

  /** The coder; a singleton. */
  public static BigEndianIntegerCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Integer value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Integer");
    }
    out.write(Ints.toByteArray(value));
  }

  @Override
  public Integer decode(InputStream in) throws IOException {
    return Ints.fromByteArray(VarInt.readBytes(in, Integer.BYTES));
  }

  /** Does nothing: the encoding is a fixed function of the value. */
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
