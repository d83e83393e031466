package dev.weir.sdk.coders;

import dev.weir.sdk.values.TypeDescriptor;
import java.util.List;

/**
 * Supplies coders for some set of types, given coders for the type's arguments; {@link
 * CoderRegistry} asks its providers in priority order. {@link CoderProviders} builds the common
 * kinds.
 *
 * <p>Implementations must be thread-safe and should fail fast with a {@link
 * CannotProvideCoderException} saying why for types they do not handle.
 */
public abstract class CoderProvider {
  /**
   * A coder for {@code type}.
   *
   * @param type the type to encode; may be generic
   * @param componentCoders coders for the type arguments of {@code type}, in order (empty for a
   *     class)
   * @throws CannotProvideCoderException if this provider has no coder for {@code type}
   */
  public abstract <T> Coder<T> coderFor(TypeDescriptor<T> type, List<? extends Coder<?>> componentCoders)
      throws CannotProvideCoderException;
}
