package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Byte} as that one byte.
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class ByteCoder extends AtomicCoder<Byte> {
  private static final long serialVersionUID = 1L;
  private static final ByteCoder INSTANCE = new ByteCoder();
  private static final TypeDescriptor<Byte> TYPE = TypeDescriptor.of(Byte.class);

  private ByteCoder() {}

  /** The coder; a singleton. */
  public static ByteCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Byte value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Byte");
    }
    out.write(value);
  }

  @Override
  public Byte decode(InputStream in) throws IOException {
    return (byte) VarInt.readByte(in);
  }

  /** Does nothing: each value is its own byte. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Byte> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
