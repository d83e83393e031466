package dev.weir.sdk.transforms.join;

import java.util.Objects;

/**
 * A value tagged with the index of the input it came from: what {@link CoGroupByKey} groups, so
 * that values of several inputs (of different types) can share one shuffle.
 *
 * <p>Immutable; the value may be null.
 */
public final class RawUnionValue {
  private final int unionTag;
  private final Object value;

  /** {@code value} from the input at index {@code unionTag}. */
  public RawUnionValue(int unionTag, Object value) {
    this.unionTag = unionTag;
    this.value = value;
  }

  /** The index of the input the value came from. */
  public int getUnionTag() {
    return unionTag;
  }

  public Object getValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawUnionValue && unionTag == ((RawUnionValue) o).unionTag
        && Objects.deepEquals(value, ((RawUnionValue) o).value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unionTag, value);
  }

  @Override
  public String toString() {
    return unionTag + ":" + value;
  }
}
