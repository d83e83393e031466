package dev.weir.sdk.transforms;

import com.google.common.collect.ArrayListMultimap;
import com.google.common.collect.ListMultimap;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.VoidCoder;
import dev.weir.sdk.transforms.windowing.DefaultTrigger;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PCollectionViews;
import dev.weir.sdk.values.WindowingStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.joda.time.Duration;

/**
 * Turns a {@link PCollection} into a {@link PCollectionView} that a {@code ParDo} can read as a
 * side input, one value per window.
 *
 * <p>When a view is ready, and what it holds, follows the collection's windowing strategy, as in
 * Beam:
 *
 * <ul>
 *   <li>In the default strategy (the default trigger, no allowed lateness) a window of the view is
 *       ready once the collection's watermark passed the window's end (the global window: once it
 *       reached the end of time), and holds every element of the window.
 *   <li>With any other trigger or an allowed lateness, the collection's elements are grouped under
 *       one key by its trigger, so a window is ready as soon as its first pane fires (or, without
 *       any pane, once the watermark passed it, empty), and each later pane of the window
 *       <em>replaces</em> what the view holds there: with {@code discardingFiredPanes()} a reader
 *       sees the latest pane's elements, with {@code accumulatingFiredPanes()} every element so far.
 *       Late panes replace the contents too; data later than the allowed lateness is dropped. This
 *       makes the slowly updating side input work: a global-window collection triggered by
 *       {@code Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane())} with
 *       {@code discardingFiredPanes()}, viewed with {@link #asSingleton()}, gives main-input
 *       elements its latest value.
 * </ul>
 *
 * <p>A main-input element is processed in a window only once all its side inputs are ready in
 * that window; until then it waits in the runner.
 */
public final class View {
  private View() {}

  /** The single element of each window; an empty window fails unless a default is given. */
  public static <T> AsSingleton<T> asSingleton() {
    return new AsSingleton<>(false, null);
  }

  /** The elements of each window as an immutable list. */
  public static <T> AsView<T, List<T>> asList() {
    return new AsView<>("AsList", new ListFn<>());
  }

  /** The elements of each window as an iterable. */
  public static <T> AsView<T, Iterable<T>> asIterable() {
    return new AsView<>("AsIterable", new IterableFn<>());
  }

  /** The key/value pairs of each window as a map; a key that appears twice fails. */
  public static <K, V> AsView<KV<K, V>, Map<K, V>> asMap() {
    return new AsView<>("AsMap", new MapFn<>());
  }

  /** The key/value pairs of each window as a map from key to all its values. */
  public static <K, V> AsView<KV<K, V>, Map<K, Iterable<V>>> asMultimap() {
    return new AsView<>("AsMultimap", new MultimapFn<>());
  }

  /**
   * Applies the view's primitive to {@code input}, first grouping it by its trigger when its
   * windowing strategy is not the default one. In the default strategy the grouping would fire
   * exactly one on-time pane per window, when the watermark passes the window's end, which is when
   * the ungrouped view becomes ready with the same elements; so that path is kept, and costs no
   * grouping. (They differ only for data behind the watermark, which the grouping would drop at
   * zero allowed lateness and the ungrouped view still adds.)
   */
  private static <ElemT, ViewT> PCollectionView<ViewT> createView(PCollection<ElemT> input, ViewFn<ElemT, ViewT> viewFn) {
    if (isDefaultStrategy(input.getWindowingStrategy())) {
      return input.apply(CreatePCollectionView.of(PCollectionViews.of(input, viewFn)));
    }
    PCollection<KV<Void, ElemT>> keyed = input
        .apply("WithVoidKey", ParDo.of(new WithVoidKeyFn<ElemT>()))
        .setCoder(KvCoder.of(VoidCoder.of(), input.getCoder()));
    PCollection<ElemT> panes = keyed
        .apply("GroupIntoPanes", GroupByKey.<Void, ElemT>create())
        .apply("EachElementOfPane", ParDo.of(new EachElementOfPaneFn<ElemT>()))
        .setCoder(input.getCoder());
    return panes.apply(CreatePCollectionView.of(PCollectionViews.ofPanes(input, viewFn)));
  }

  private static boolean isDefaultStrategy(WindowingStrategy<?, ?> strategy) {
    return strategy.getTrigger() instanceof DefaultTrigger && strategy.getAllowedLateness().equals(Duration.ZERO);
  }

  /** Puts every element under the one null key, so that a grouping fires the collection's panes. */
  private static final class WithVoidKeyFn<T> extends DoFn<T, KV<Void, T>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element T element, OutputReceiver<KV<Void, T>> out) {
      out.output(KV.of(null, element));
    }
  }

  /** Outputs a pane's elements one by one; each output keeps the pane of its input. */
  private static final class EachElementOfPaneFn<T> extends DoFn<KV<Void, Iterable<T>>, T> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element KV<Void, Iterable<T>> pane, OutputReceiver<T> out) {
      for (T element : pane.getValue()) {
        out.output(element);
      }
    }
  }

  /**
   * Views a collection through a {@link ViewFn}.
   *
   * @param <ElemT> the element type
   * @param <ViewT> the view's value type
   */
  public static final class AsView<ElemT, ViewT> extends PTransform<PCollection<ElemT>, PCollectionView<ViewT>> {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final ViewFn<ElemT, ViewT> viewFn;

    private AsView(String kind, ViewFn<ElemT, ViewT> viewFn) {
      this.kind = kind;
      this.viewFn = viewFn;
    }

    @Override
    public PCollectionView<ViewT> expand(PCollection<ElemT> input) {
      return createView(input, viewFn);
    }

    @Override
    protected String getKindString() {
      return "View." + kind;
    }
  }

  /**
   * The single element of each window as the view's value.
   *
   * @param <T> the element type
   */
  public static final class AsSingleton<T> extends PTransform<PCollection<T>, PCollectionView<T>> {
    private static final long serialVersionUID = 1L;

    private final boolean hasDefault;
    private final T defaultValue;

    private AsSingleton(boolean hasDefault, T defaultValue) {
      this.hasDefault = hasDefault;
      this.defaultValue = defaultValue;
    }

    /** Sees {@code value} in windows that have no element. */
    public AsSingleton<T> withDefaultValue(T value) {
      return new AsSingleton<>(true, value);
    }

    @Override
    public PCollectionView<T> expand(PCollection<T> input) {
      return createView(input, new SingletonFn<>(input.getName(), hasDefault, defaultValue));
    }

    @Override
    protected String getKindString() {
      return "View.AsSingleton";
    }
  }

  /**
   * The primitive that makes a collection available as a side input. Runners execute it. Its
   * input is the viewed collection itself, or, for a view whose
   * {@link PCollectionView#isPaneReplacedInternal()} is true, that collection's elements as the
   * grouping by its trigger output them, each carrying the pane it fired in.
   *
   * @param <ElemT> the element type
   * @param <ViewT> the view's value type
   */
  public static final class CreatePCollectionView<ElemT, ViewT>
      extends PTransform<PCollection<ElemT>, PCollectionView<ViewT>> {
    private static final long serialVersionUID = 1L;

    private final transient PCollectionView<ViewT> view;

    private CreatePCollectionView(PCollectionView<ViewT> view) {
      this.view = view;
    }

    /** Makes {@code view} available. */
    public static <ElemT, ViewT> CreatePCollectionView<ElemT, ViewT> of(PCollectionView<ViewT> view) {
      return new CreatePCollectionView<>(view);
    }

    public PCollectionView<ViewT> getView() {
      return view;
    }

    @Override
    public PCollectionView<ViewT> expand(PCollection<ElemT> input) {
      return view;
    }
  }

  private static final class SingletonFn<T> extends ViewFn<T, T> {
    private static final long serialVersionUID = 1L;
    private final String collection;
    private final boolean hasDefault;
    private final T defaultValue;

    SingletonFn(String collection, boolean hasDefault, T defaultValue) {
      this.collection = collection;
      this.hasDefault = hasDefault;
      this.defaultValue = defaultValue;
    }

    @Override
    public T apply(Iterable<T> elements) {
      Iterator<T> it = elements.iterator();
      if (!it.hasNext()) {
        if (hasDefault) {
          return defaultValue;
        }
        throw new IllegalArgumentException(
            "View.asSingleton() of PCollection '" + collection + "' is empty in this window."
                + " Fix: use View.<T>asSingleton().withDefaultValue(...), or make sure it has one element.");
      }
      T value = it.next();
      if (it.hasNext()) {
        throw new IllegalArgumentException(
            "View.asSingleton() of PCollection '" + collection + "' has more than one element in this window"
                + " (first two: " + value + ", " + it.next() + "). Fix: combine it to one element first"
                + " (Combine.globally(...)), or use View.asList()/asIterable().");
      }
      return value;
    }
  }

  private static final class ListFn<T> extends ViewFn<T, List<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public List<T> apply(Iterable<T> elements) {
      // ImmutableList rejects nulls, which a side input may hold.
      List<T> copy = new ArrayList<>();
      elements.forEach(copy::add);
      return Collections.unmodifiableList(copy);
    }
  }

  private static final class IterableFn<T> extends ViewFn<T, Iterable<T>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterable<T> apply(Iterable<T> elements) {
      List<T> copy = new ArrayList<>();
      elements.forEach(copy::add);
      return Collections.unmodifiableList(copy);
    }
  }

  private static final class MapFn<K, V> extends ViewFn<KV<K, V>, Map<K, V>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<K, V> apply(Iterable<KV<K, V>> elements) {
      Map<K, V> map = new HashMap<>();
      for (KV<K, V> kv : elements) {
        if (map.containsKey(kv.getKey())) {
          throw new IllegalArgumentException(
              "View.asMap() found key " + kv.getKey() + " more than once in a window (values "
                  + map.get(kv.getKey()) + " and " + kv.getValue() + "). Fix: use View.asMultimap(),"
                  + " or combine the values per key first (Combine.perKey(...)).");
        }
        map.put(kv.getKey(), kv.getValue());
      }
      return Collections.unmodifiableMap(map);
    }
  }

  private static final class MultimapFn<K, V> extends ViewFn<KV<K, V>, Map<K, Iterable<V>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public Map<K, Iterable<V>> apply(Iterable<KV<K, V>> elements) {
      ListMultimap<K, V> multimap = ArrayListMultimap.create();
      for (KV<K, V> kv : elements) {
        multimap.put(kv.getKey(), kv.getValue());
      }
      Map<K, Iterable<V>> result = new HashMap<>();
      for (K key : multimap.keySet()) {
        result.put(key, Collections.unmodifiableList(multimap.get(key)));
      }
      return Collections.unmodifiableMap(result);
    }
  }
}
