package dev.weir.sdk.coders;

import java.util.List;

/**
 * A coder whose identity is its class and its component coders: two instances are equal when they
 * have the same class and equal {@link #getComponents() components}. Most coders extend this or
 * {@link AtomicCoder}; equality matters because pipelines compare coders (for example when
 * fingerprinting a graph or checking that two inputs agree).
 *
 * <p>Subclasses must be immutable and thread-safe, like every {@link Coder}.
 *
 * @param <T> the type of values this coder encodes
 */
public abstract class StructuredCoder<T> extends Coder<T> {
  private static final long serialVersionUID = 1L;

  protected StructuredCoder() {}

  /**
   * The parts that, with the class, make up this coder's identity. Defaults to {@link
   * #getCoderArguments()}; override when a coder has components that are not type arguments.
   */
  public List<? extends Coder<?>> getComponents() {
    return getCoderArguments();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    return o != null && o.getClass() == getClass() && getComponents().equals(((StructuredCoder<?>) o).getComponents());
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + getComponents().hashCode();
  }
}
