package dev.weir.sdk.testing;

import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.View;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Gathers the elements of a collection an assertion checks into one side input in the global
 * window, each with the timestamp, window and pane it had ({@link ValueInPane}), so that the check
 * can pick the elements in its {@link AssertionScope}.
 *
 * <p>Two orders, as Beam's assertions have: {@link #inAllWindows()} first moves every element into
 * the global window, so that an element in several windows (of sliding windows, say) is gathered
 * once, as the collection's contents; {@link #perWindow()} records each element once per window it
 * is in, with that window, for an assertion scoped to one window. Immutable.
 *
 * @param <T> the element type
 */
final class GatherContents<T> extends PTransform<PCollection<T>, PCollectionView<Iterable<ValueInPane<T>>>> {
  private static final long serialVersionUID = 1L;

  private final boolean keepWindows;

  private GatherContents(boolean keepWindows) {
    this.keepWindows = keepWindows;
  }

  /** Gathers every element once, whatever its windows, as an element of the global window. */
  static <T> GatherContents<T> inAllWindows() {
    return new GatherContents<>(false);
  }

  /** Gathers every element once per window it is in, with that window. */
  static <T> GatherContents<T> perWindow() {
    return new GatherContents<>(true);
  }

  /** The gathering an assertion in {@code scope} needs. */
  static <T> GatherContents<T> forScope(AssertionScope scope) {
    return scope.isWindowed() ? perWindow() : inAllWindows();
  }

  @Override
  public PCollectionView<Iterable<ValueInPane<T>>> expand(PCollection<T> input) {
    PCollection<ValueInPane<T>> gathered = keepWindows
        ? intoGlobalWindow(capture(input))
        : capture(intoGlobalWindow(input));
    return gathered.apply("AsIterable", View.asIterable());
  }

  private static <E> PCollection<ValueInPane<E>> capture(PCollection<E> input) {
    return input
        .apply("Capture", ParDo.of(new CaptureFn<E>()))
        .setCoder(ValueInPaneCoder.of(input.getCoder(), input.getWindowingStrategy().getWindowFn().windowCoder()));
  }

  private static <E> PCollection<E> intoGlobalWindow(PCollection<E> input) {
    // The default strategy: the view then holds every element, whatever trigger the collection
    // had, and is ready at the end of time, without the grouping a triggered view goes through.
    return input.apply("IntoGlobalWindow", Window.<E>into(new GlobalWindows())
        .triggering(DefaultTrigger.of())
        .withAllowedLateness(Duration.ZERO)
        .discardingFiredPanes());
  }

  @Override
  protected String getKindString() {
    return keepWindows ? "GatherPerWindow" : "GatherAllWindows";
  }

  /** Outputs each element with its timestamp, window and pane, once per window it is in. */
  private static final class CaptureFn<E> extends DoFn<E, ValueInPane<E>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void processElement(
        @Element E element, @Timestamp Instant timestamp, BoundedWindow window, PaneInfo pane,
        OutputReceiver<ValueInPane<E>> out) {
      out.output(new ValueInPane<>(element, timestamp, window, pane));
    }
  }
}
