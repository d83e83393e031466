package dev.weir.sdk.coders;

import com.google.common.primitives.Longs;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Double} in 8 bytes: its IEEE 754 bits ({@link Double#doubleToLongBits}, so all
 * NaNs share one encoding), most significant first.
 *
 * <p>Consistent with equals ({@link Double#equals} also compares those bits, so {@code 0.0} and
 * {@code -0.0} differ). Not deterministic, as in Beam: floating-point arithmetic that should
 * produce equal keys may produce values that differ in the last bit, so doubles make fragile
 * grouping keys. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class DoubleCoder extends AtomicCoder<Double> {
  private static final long serialVersionUID = 1L;
  private static final DoubleCoder INSTANCE = new DoubleCoder();
  private static final TypeDescriptor<Double> TYPE = TypeDescriptor.of(Double.class);

  private DoubleCoder() {}

  /** The coder; a singleton. */
  public static DoubleCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Double value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Double");
    }
    out.write(Longs.toByteArray(Double.doubleToLongBits(value)));
  }

  @Override
  public Double decode(InputStream in) throws IOException {
    return Double.longBitsToDouble(Longs.fromByteArray(VarInt.readBytes(in, Long.BYTES)));
  }

  /** Always throws: floating-point values are not reliable keys (see the class comment). */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "floating-point encodings are not guaranteed to be deterministic: computations that should"
            + " agree can differ in the last bit; use an integer or string key instead");
  }

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<Double> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
