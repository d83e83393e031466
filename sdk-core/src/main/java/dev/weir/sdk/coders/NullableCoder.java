package dev.weir.sdk.coders;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.values.TypeDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Makes any coder accept null: one marker byte, 0 for null or 1 for present, followed for a
 * present value by the inner coder's encoding.
 *
 * <p>Deterministic, and consistent with equals, when the inner coder is. Wrapping a {@code
 * NullableCoder} again returns it unchanged. Immutable and thread-safe.
 *
 * @param <T> the type of values encoded
 */
public final class NullableCoder<T> extends StructuredCoder<T> {
  private static final long serialVersionUID = 1L;
  private static final int NULL_MARKER = 0;
  private static final int PRESENT_MARKER = 1;

  private final Coder<T> valueCoder;

  private NullableCoder(Coder<T> valueCoder) {
    this.valueCoder = valueCoder;
  }

  /** A coder that encodes null itself and delegates other values to {@code valueCoder}. */
  public static <T> NullableCoder<T> of(Coder<T> valueCoder) {
    checkArgument(valueCoder != null, "the value coder of a NullableCoder must not be null");
    if (valueCoder instanceof NullableCoder) {
      return (NullableCoder<T>) valueCoder;
    }
    return new NullableCoder<>(valueCoder);
  }

  /** The coder of present values. */
  public Coder<T> getValueCoder() {
    return valueCoder;
  }

  @Override
  public void encode(T value, OutputStream out) throws IOException {
    if (value == null) {
      out.write(NULL_MARKER);
    } else {
      out.write(PRESENT_MARKER);
      valueCoder.encode(value, out);
    }
  }

  @Override
  public T decode(InputStream in) throws IOException {
    int marker = VarInt.readByte(in);
    if (marker == NULL_MARKER) {
      return null;
    }
    if (marker != PRESENT_MARKER) {
      throw new CoderException(
          "NullableCoder expects a marker byte " + NULL_MARKER + " (null) or " + PRESENT_MARKER
              + " (present), got " + marker);
    }
    return valueCoder.decode(in);
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  /** Deterministic when the inner coder is. */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the value coder must be deterministic", valueCoder);
  }

  @Override
  public boolean consistentWithEquals() {
    return valueCoder.consistentWithEquals();
  }

  /** An empty optional for null, else an optional of the inner coder's structural value. */
  @Override
  public Object structuralValue(T value) {
    return value == null ? Optional.empty() : Optional.of(valueCoder.structuralValue(value));
  }

  @Override
  public TypeDescriptor<T> getEncodedTypeDescriptor() {
    return valueCoder.getEncodedTypeDescriptor();
  }
}
