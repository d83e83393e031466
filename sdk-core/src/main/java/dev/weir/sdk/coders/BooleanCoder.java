package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Boolean} as one byte, 1 for true and 0 for false; decoding rejects any other
 * byte.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class BooleanCoder extends AtomicCoder<Boolean> {
  private static final long serialVersionUID = 1L;
  private static final BooleanCoder INSTANCE = new BooleanCoder();
  private static final TypeDescriptor<Boolean> TYPE = TypeDescriptor.of(Boolean.class);

  private BooleanCoder() {}

  /** The coder; a singleton. */
  public static BooleanCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Boolean value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Boolean");
    }
    out.write(value ? 1 : 0);
  }

  @Override
  public Boolean decode(InputStream in) throws IOException {
    int b = VarInt.readByte(in);
    if (b > 1) {
      throw new CoderException("BooleanCoder expects a byte 0 or 1, got " + b);
    }
    return b == 1;
  }

  /** Does nothing: each value has one byte. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Boolean> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
