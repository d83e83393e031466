package dev.weir.sdk.transforms.join;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.VarIntCoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes a {@link RawUnionValue} as its union tag (a variable-length int) followed by its value,
 * encoded with the coder of the input that tag stands for.
 *
 * <p>Immutable and thread-safe. Deterministic when every element coder is.
 */
public final class UnionCoder extends Coder<RawUnionValue> {
  private static final long serialVersionUID = 1L;

  private final List<Coder<?>> elementCoders;

  private UnionCoder(List<Coder<?>> elementCoders) {
    this.elementCoders = elementCoders;
  }

  /** The union coder whose tag {@code i} values use {@code elementCoders.get(i)}. */
  public static UnionCoder of(List<Coder<?>> elementCoders) {
    checkArgument(!elementCoders.isEmpty(), "UnionCoder needs at least one element coder");
    return new UnionCoder(List.copyOf(elementCoders));
  }

  public List<Coder<?>> getElementCoders() {
    return elementCoders;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void encode(RawUnionValue union, OutputStream out) throws IOException {
    int tag = union.getUnionTag();
    if (tag < 0 || tag >= elementCoders.size()) {
      throw new CoderException("UnionCoder: union tag " + tag + " is outside [0, " + elementCoders.size() + ")");
    }
    VarIntCoder.of().encode(tag, out);
    ((Coder<Object>) elementCoders.get(tag)).encode(union.getValue(), out);
  }

  @Override
  public RawUnionValue decode(InputStream in) throws IOException {
    int tag = VarIntCoder.of().decode(in);
    if (tag < 0 || tag >= elementCoders.size()) {
      throw new CoderException("UnionCoder: read union tag " + tag + ", outside [0, " + elementCoders.size() + ")");
    }
    return new RawUnionValue(tag, elementCoders.get(tag).decode(in));
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return elementCoders;
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    for (Coder<?> coder : elementCoders) {
      try {
        coder.verifyDeterministic();
      } catch (NonDeterministicException e) {
        throw new NonDeterministicException(this, "element coder " + coder + " is not deterministic", e);
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnionCoder && elementCoders.equals(((UnionCoder) o).elementCoders);
  }

  @Override
  public int hashCode() {
    return elementCoders.hashCode();
  }
}
