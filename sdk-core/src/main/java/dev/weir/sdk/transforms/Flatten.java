package dev.weir.sdk.transforms;

import dev.weir.sdk.coders.IterableCoder;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionList;
import dev.weir.sdk.values.WindowingStrategy;

/** Merges collections: {@link #pCollections()} unions a list, {@link #iterables()} flattens elements. */
public final class Flatten {
  private Flatten() {}

  /** Unions the collections of a {@link PCollectionList} into one; they must have compatible windowing. */
  public static <T> PCollections<T> pCollections() {
    return new PCollections<>();
  }

  /** Turns each {@code Iterable<T>} element into its elements. */
  public static <T> Iterables<T> iterables() {
    return new Iterables<>();
  }

  /**
   * The union of a list of collections. A primitive that runners execute.
   *
   * @param <T> the element type
   */
  public static final class PCollections<T> extends PTransform<PCollectionList<T>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private PCollections() {}

    @Override
    public PCollection<T> expand(PCollectionList<T> inputs) {
      WindowingStrategy<?, ?> strategy = WindowingStrategy.globalDefault();
      PCollection.IsBounded bounded = PCollection.IsBounded.BOUNDED;
      if (!inputs.getAll().isEmpty()) {
        PCollection<T> first = inputs.get(0);
        strategy = first.getWindowingStrategy();
        for (PCollection<T> pc : inputs.getAll()) {
          if (!pc.getWindowingStrategy().getWindowFn().isCompatible(strategy.getWindowFn())) {
            throw new IllegalStateException(
                "Flatten needs compatible windowing: '" + first.getName() + "' uses "
                    + strategy.getWindowFn() + " but '" + pc.getName() + "' uses "
                    + pc.getWindowingStrategy().getWindowFn() + ". Fix: apply the same Window.into(...) to every input.");
          }
          bounded = bounded.and(pc.isBounded());
        }
      }
      PCollection<T> output =
          PCollection.createPrimitiveOutputInternal(inputs.getPipeline(), strategy, bounded, null);
      if (!inputs.getAll().isEmpty()) {
        PCollection<T> first = inputs.get(0);
        output.setCoderInferenceInternal(first::getCoder);
      }
      return output;
    }
  }

  /**
   * Flattens iterables into their elements.
   *
   * @param <T> the element type
   */
  public static final class Iterables<T> extends PTransform<PCollection<? extends Iterable<T>>, PCollection<T>> {
    private static final long serialVersionUID = 1L;

    private Iterables() {}

    @Override
    @SuppressWarnings("unchecked")
    public PCollection<T> expand(PCollection<? extends Iterable<T>> input) {
      PCollection<T> output = input.apply("FlattenIterables", ParDo.of(new DoFn<Iterable<T>, T>() {
        private static final long serialVersionUID = 1L;

        @ProcessElement
        public void processElement(@Element Iterable<T> element, OutputReceiver<T> out) {
          for (T value : element) {
            out.output(value);
          }
        }
      }));
      if (input.getCoder() instanceof IterableCoder) {
        output.setCoder(((IterableCoder<T>) input.getCoder()).getElemCoder());
      }
      return output;
    }
  }
}
