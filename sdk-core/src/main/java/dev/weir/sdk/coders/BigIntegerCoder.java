package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;

/**
 * Encodes a {@link BigInteger} as a varint byte count followed by its minimal two's-complement
 * bytes ({@link BigInteger#toByteArray()}).
 *
 * <p>Deterministic and consistent with equals. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class BigIntegerCoder extends AtomicCoder<BigInteger> {
  private static final long serialVersionUID = 1L;
  private static final BigIntegerCoder INSTANCE = new BigIntegerCoder();
  private static final TypeDescriptor<BigInteger> TYPE = TypeDescriptor.of(BigInteger.class);

  private BigIntegerCoder() {}

  /** The coder; a singleton. */
  public static BigIntegerCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(BigInteger value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("BigInteger");
    }
    byte[] bytes = value.toByteArray();
    VarInt.encode(bytes.length, out);
    out.write(bytes);
  }

  @Override
  public BigInteger decode(InputStream in) throws IOException {
    int length = VarInt.decodeLength(in, "BigInteger byte count");
    if (length == 0) {
      throw new CoderException("BigInteger encoding has no bytes: the input is corrupt");
    }
    return new BigInteger(VarInt.readBytes(in, length));
  }

  /** Does nothing: the two's-complement form is minimal, so each value has one encoding. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<BigInteger> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
