package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * Encodes a {@link BigDecimal} as its scale (a varint, see {@link VarIntCoder}) followed by its
 * unscaled value (see {@link BigIntegerCoder}).
 *
 * <p>Deterministic and consistent with equals: like {@link BigDecimal#equals}, the encoding keeps
 * the scale, so {@code 1.0} and {@code 1.00} differ. Null is rejected (wrap in {@link
 * NullableCoder}).
 */
public final class BigDecimalCoder extends AtomicCoder<BigDecimal> {
  private static final long serialVersionUID = 1L;
  private static final BigDecimalCoder INSTANCE = new BigDecimalCoder();
  private static final TypeDescriptor<BigDecimal> TYPE = TypeDescriptor.of(BigDecimal.class);

  private BigDecimalCoder() {}

  /** The coder; a singleton. */
  public static BigDecimalCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(BigDecimal value, OutputStream out) throws IOException {
    if (value == null) {
      throw CoderException.cannotEncodeNull("BigDecimal");
    }
    VarInt.encode(value.scale(), out);
    BigIntegerCoder.of().encode(value.unscaledValue(), out);
  }

  @Override
  public BigDecimal decode(InputStream in) throws IOException {
    int scale = VarInt.decodeInt(in);
    return new BigDecimal(BigIntegerCoder.of().decode(in), scale);
  }

  /** Does nothing: scale and unscaled value each have one encoding. */
  @Override
  public void verifyDeterministic() {}

  @Override
  public boolean consistentWithEquals() {
    return true;
  }

  @Override
  public TypeDescriptor<BigDecimal> getEncodedTypeDescriptor() {
    return TYPE;
  }
}
