package dev.weir.sdk.coders;

import com.google.common.primitives.Ints;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Encodes a {@link Float} in 4 bytes: its IEEE 754 bits ({@link Float#floatToIntBits}, so all NaNs
 * share one encoding), most significant first.
 *
 * <p>Consistent with equals. Not deterministic, as in Beam and for the reason given on {@link
 * DoubleCoder}. Null is rejected (wrap in {@link NullableCoder}).
 */
public final class FloatCoder extends AtomicCoder<Float> {
  private static final long serialVersionUID = 1L;
  private static final FloatCoder INSTANCE = new FloatCoder();
  private static final TypeDescriptor<Float> TYPE = TypeDescriptor.of(Float.class);

  private FloatCoder() {}

  /** The coder; a singleton. */
  public static FloatCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(Float value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("Float");
    }
    out.write(Ints.toByteArray(Float.floatToIntBits(value)));
  }

  @Override
  public Float decode(InputStream in) throws IOException {
    return Float.intBitsToFloat(Ints.fromByteArray(VarInt.readBytes(in, Integer.BYTES)));
  }

  /** Always throws: floating-point values are not reliable keys (see {@link DoubleCoder}). */
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
  public TypeDescriptor<Float> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
