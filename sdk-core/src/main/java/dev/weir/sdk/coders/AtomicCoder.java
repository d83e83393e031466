package dev.weir.sdk.coders;

import java.util.List;

/**
 * A coder with no component coders and no configuration, so all instances of one class are
 * equal. The standard coders for scalars ({@link StringUtf8Coder}, {@link VarLongCoder}, ...)
 * extend it and are singletons reached through {@code of()}.
 *
 * <p>Subclasses must be immutable and thread-safe, like every {@link Coder}.
 *
 * @param <T> the type of values this coder encodes
 */
public abstract class AtomicCoder<T> extends StructuredCoder<T> {
  private static final long serialVersionUID = 1L;

  protected AtomicCoder() {}

  /** Always empty: an atomic coder has no type arguments. */
  @Override
  public final List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  /** Always empty: an atomic coder is identified by its class alone. */
  @Override
  public final List<? extends Coder<?>> getComponents() {
    return List.of();
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
