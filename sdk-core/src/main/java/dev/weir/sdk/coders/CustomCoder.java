package dev.weir.sdk.coders;

import java.util.List;

/**
 * The base for a user's own coder of a single type, with no component coders.
 *
 * <p>A custom coder is presumed non-deterministic: {@link #verifyDeterministic()} throws unless
 * overridden, because grouping by a key whose equal values encode differently silently splits
 * groups. Override it (doing nothing) only if equal values always produce equal bytes. Equality of
 * coder instances is identity unless the subclass overrides {@code equals}. Subclasses must be
 * immutable, thread-safe and serializable.
 *
 * @param <T> the type of values this coder encodes
 */
public abstract class CustomCoder<T> extends Coder<T> {
  private static final long serialVersionUID = 1L;

  protected CustomCoder() {}

  /** Always empty: a custom coder has no type arguments. */
  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of();
  }

  /**
   * Throws, naming this coder: a custom coder must declare its determinism by overriding this
   * method.
   */
  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    throw new NonDeterministicException(
        this,
        "it is a CustomCoder that does not override verifyDeterministic(), so it is presumed"
            + " non-deterministic; override it if equal values always encode to equal bytes");
  }
}
