package dev.weir.sdk.transforms;

import dev.weir.sdk.values.PCollection;
import java.util.Objects;

/**
 * Keeps the elements that satisfy a predicate: {@code Filter.by(word -> !word.isEmpty())}, or
 * compares with a value: {@code Filter.greaterThan(10)}.
 *
 * <p>The output has the input's coder, timestamps and windows. A predicate returning null fails
 * the bundle, naming the element.
 *
 * @param <T> the element type
 */
public final class Filter<T> extends PTransform<PCollection<T>, PCollection<T>> {
  private static final long serialVersionUID = 1L;

  private final ProcessFunction<T, Boolean> predicate;
  private final String description;

  private Filter(ProcessFunction<T, Boolean> predicate, String description) {
    this.predicate = Objects.requireNonNull(predicate, "predicate");
    this.description = description;
  }

  /** Keeps the elements for which {@code predicate} returns true; it may throw checked exceptions. */
  public static <T> Filter<T> by(ProcessFunction<T, Boolean> predicate) {
    return new Filter<>(predicate, "Filter.by");
  }

  /** Keeps the elements for which {@code predicate} returns true. */
  public static <T> Filter<T> by(SerializableFunction<T, Boolean> predicate) {
    return new Filter<>(predicate, "Filter.by");
  }

  /** Keeps the elements less than {@code value}. */
  public static <T extends Comparable<T>> Filter<T> lessThan(T value) {
    Objects.requireNonNull(value, "value");
    return new Filter<>(e -> e.compareTo(value) < 0, "Filter.lessThan");
  }

  /** Keeps the elements greater than {@code value}. */
  public static <T extends Comparable<T>> Filter<T> greaterThan(T value) {
    Objects.requireNonNull(value, "value");
    return new Filter<>(e -> e.compareTo(value) > 0, "Filter.greaterThan");
  }

  /** Keeps the elements less than or equal to {@code value}. */
  public static <T extends Comparable<T>> Filter<T> lessThanEq(T value) {
    Objects.requireNonNull(value, "value");
    return new Filter<>(e -> e.compareTo(value) <= 0, "Filter.lessThanEq");
  }

  /** Keeps the elements greater than or equal to {@code value}. */
  public static <T extends Comparable<T>> Filter<T> greaterThanEq(T value) {
    Objects.requireNonNull(value, "value");
    return new Filter<>(e -> e.compareTo(value) >= 0, "Filter.greaterThanEq");
  }

  /** Keeps the elements that compare equal to {@code value}. */
  public static <T extends Comparable<T>> Filter<T> equal(T value) {
    Objects.requireNonNull(value, "value");
    return new Filter<>(e -> e.compareTo(value) == 0, "Filter.equal");
  }

  /** The predicate elements are kept by. */
  public ProcessFunction<T, Boolean> getPredicate() {
    return predicate;
  }

  @Override
  public PCollection<T> expand(PCollection<T> input) {
    return input.apply(description, ParDo.of(new FilterFn<>(predicate, description))).setCoder(input.getCoder());
  }

  @Override
  protected String getKindString() {
    return description;
  }

  private static final class FilterFn<T> extends DoFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final ProcessFunction<T, Boolean> predicate;
    private final String description;

    FilterFn(ProcessFunction<T, Boolean> predicate, String description) {
      this.predicate = predicate;
      this.description = description;
    }

    @ProcessElement
    public void processElement(@Element T element, OutputReceiver<T> out) throws Exception {
      Boolean keep = predicate.apply(element);
      if (keep == null) {
        throw new IllegalStateException(
            description + ": the predicate returned null for element " + element + ". Fix: return true or false.");
      }
      if (keep) {
        out.output(element);
      }
    }
  }
}
