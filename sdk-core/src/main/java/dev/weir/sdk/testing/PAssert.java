package dev.weir.sdk.testing;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.transforms.SerializableFunction;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assertions on the contents of {@link PCollection}s, built into the pipeline as transforms so that
 * they are checked by whatever runner runs it.
 *
 * <pre>{@code
 * PCollection<String> words = ...;
 * PAssert.that(words).containsInAnyOrder("a", "b", "c");
 * PAssert.thatSingleton(words.apply(Count.globally())).isEqualTo(3L);
 * p.run();
 * }</pre>
 *
 * <p>Every assertion method applies a transform named {@code PAssert$N} to the pipeline, so
 * assertions must be declared before {@code run()} ({@link TestPipeline} fails a test that
 * declares one after). When the pipeline runs, the collection's elements are gathered in one place,
 * passed through the collection's coder (and so are the expected values), and checked once.
 *
 * <p>Which elements: as in Beam, an assertion made by {@code that}, {@code thatSingleton}, {@code
 * thatMap}, ... checks every element of the collection, over all its windows and panes together
 * (an element in several windows counts once). Scoping methods return an assertion on part of it:
 * {@code inWindow(w)} the elements of window {@code w} (an element in several windows counts once
 * in each), {@code inOnTimePane(w)}, {@code inFinalPane(w)}, {@code inEarlyPane(w)}, {@code
 * inLatePane(w)}, {@code inCombinedNonLatePanes(w)} those of {@code w} in some of its panes, by the
 * {@link PaneInfo} each element had in the collection, and {@code inEarlyGlobalWindowPanes()} the
 * EARLY panes of the global window. A scoped assertion's failure message says its scope, such as
 * {@code PAssert$3 failed in window [0..10) ON_TIME pane, declared at ...}. A failed check fails the run: the runner's {@link
 * Pipeline.PipelineExecutionException} has as its cause an {@link AssertionError} whose message
 * names the assertion and the line of the test that declared it, what was expected and what the
 * collection held. Each check counts {@link #SUCCESS_COUNTER} or {@link #FAILURE_COUNTER} in the
 * namespace of this class, so that {@link TestPipeline} can tell that every assertion ran.
 *
 * <p>Functions and matchers given to assertions are serialized with the pipeline and run on the
 * runner's threads; they must be serializable (see {@link SerializableMatchers}). An empty
 * collection is checked like any other. Declaring assertions is not thread-safe, like building a
 * pipeline.
 */
public final class PAssert {

  /** The counter each assertion increments once when its check passes. */
  public static final String SUCCESS_COUNTER = "PAssertSuccess";

  /** The counter each assertion increments once when its check fails. */
  public static final String FAILURE_COUNTER = "PAssertFailure";

  private static final AtomicInteger ASSERT_COUNT = new AtomicInteger();

  private PAssert() {}

  /** An assertion on the elements of {@code actual}. */
  public static <T> IterableAssert<T> that(PCollection<T> actual) {
    return that(null, actual);
  }

  /** An assertion on the elements of {@code actual}; {@code reason} is shown when it fails. */
  public static <T> IterableAssert<T> that(String reason, PCollection<T> actual) {
    checkNotNull(actual, "actual");
    return new PCollectionContentsAssert<>(
        reason, actual, ActualShape.elements(), actual.getCoder(), AssertionScope.everything());
  }

  /** An assertion on the elements of the single iterable that {@code actual} holds. */
  public static <T> IterableAssert<T> thatSingletonIterable(PCollection<? extends Iterable<T>> actual) {
    return thatSingletonIterable(null, actual);
  }

  /**
   * An assertion on the elements of the single iterable that {@code actual} holds; {@code reason}
   * is shown when it fails. The collection's coder must have the element coder as its only coder
   * argument (as {@code IterableCoder} and {@code ListCoder} do).
   */
  public static <T> IterableAssert<T> thatSingletonIterable(
      String reason, PCollection<? extends Iterable<T>> actual) {
    checkNotNull(actual, "actual");
    @SuppressWarnings("unchecked") // an iterable of T is read as Iterable<T>, whatever its class
    PCollection<Iterable<T>> iterables = (PCollection<Iterable<T>>) actual;
    List<? extends Coder<?>> arguments = iterables.getCoder().getCoderArguments();
    if (arguments.size() != 1) {
      throw new IllegalArgumentException(
          "PAssert.thatSingletonIterable needs the coder of PCollection '" + actual.getName()
              + "' to have its element coder as its only coder argument, but " + iterables.getCoder()
              + " has " + arguments + ". Fix: setCoder(IterableCoder.of(elementCoder)) on it.");
    }
    @SuppressWarnings("unchecked") // the only argument of a Coder<Iterable<T>> encodes T
    Coder<T> elementCoder = (Coder<T>) arguments.get(0);
    return new PCollectionContentsAssert<>(
        reason, iterables, ActualShape.singleElement(actual.getName()), elementCoder,
        AssertionScope.everything());
  }

  /** An assertion on the single element of {@code actual}. */
  public static <T> SingletonAssert<T> thatSingleton(PCollection<T> actual) {
    return thatSingleton(null, actual);
  }

  /**
   * An assertion on the single element of {@code actual}; {@code reason} is shown when it fails.
   * A collection with no element, or more than one, fails every such assertion.
   */
  public static <T> SingletonAssert<T> thatSingleton(String reason, PCollection<T> actual) {
    checkNotNull(actual, "actual");
    return new PCollectionSingletonAssert<>(
        reason, actual, ActualShape.singleElement(actual.getName()), AssertionScope.everything());
  }

  /** An assertion on the key/value pairs of {@code actual} as a map. */
  public static <K, V> SingletonAssert<Map<K, V>> thatMap(PCollection<KV<K, V>> actual) {
    return thatMap(null, actual);
  }

  /**
   * An assertion on the key/value pairs of {@code actual} as a map; {@code reason} is shown when it
   * fails. A key that appears more than once fails every such assertion.
   */
  public static <K, V> SingletonAssert<Map<K, V>> thatMap(String reason, PCollection<KV<K, V>> actual) {
    checkNotNull(actual, "actual");
    return new PCollectionSingletonAssert<>(
        reason, actual, ActualShape.map(actual.getName()), AssertionScope.everything());
  }

  /**
   * An assertion on the key/value pairs of {@code actual} as a map from each key to all its
   * values. The values are compared ignoring their order: the map's values are multisets.
   */
  public static <K, V> SingletonAssert<Map<K, Iterable<V>>> thatMultimap(PCollection<KV<K, V>> actual) {
    return thatMultimap(null, actual);
  }

  /** As {@link #thatMultimap(PCollection)}; {@code reason} is shown when it fails. */
  public static <K, V> SingletonAssert<Map<K, Iterable<V>>> thatMultimap(
      String reason, PCollection<KV<K, V>> actual) {
    checkNotNull(actual, "actual");
    return new PCollectionSingletonAssert<>(
        reason, actual, ActualShape.multimap(actual.getName()), AssertionScope.everything());
  }

  /** How many assertions have been declared on {@code pipeline}. */
  public static int countAsserts(Pipeline pipeline) {
    int[] count = {0};
    pipeline.traverseTopologically(new Pipeline.PipelineVisitor.Defaults() {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        if (isAssertion(node)) {
          count[0]++;
          return CompositeBehavior.DO_NOT_ENTER_TRANSFORM;
        }
        return CompositeBehavior.ENTER_TRANSFORM;
      }
    });
    return count[0];
  }

  /** Whether {@code node} is the application of an assertion. */
  static boolean isAssertion(TransformHierarchy.Node node) {
    return node.getTransform() instanceof GatherThenCheck;
  }

  /** A fresh name for an assertion's transform, unique in this JVM. */
  static String nextAssertName() {
    return "PAssert$" + ASSERT_COUNT.getAndIncrement();
  }

  /**
   * Assertions on all the elements of a collection, taken together. Each method declares one
   * assertion and returns this object, so that several can be chained.
   *
   * @param <T> the element type
   */
  public interface IterableAssert<T> {

    /**
     * An assertion like this one on the elements in {@code window} only, from all its panes
     * together. If the collection's trigger fires more than once with accumulating panes, an element
     * can appear once per pane; {@link #inFinalPane} or {@link #inOnTimePane} may be what is meant.
     * Throws {@link IllegalArgumentException} if {@code window} is not a window of the collection's
     * {@code WindowFn}.
     */
    IterableAssert<T> inWindow(BoundedWindow window);

    /**
     * An assertion like this one on the elements of {@code window} in its final pane (the pane
     * marked last, including elements never grouped, whose pane is {@link PaneInfo#NO_FIRING}). A
     * window closed without a final firing is checked as empty; {@code withAllowedLateness(lateness,
     * ClosingBehavior.FIRE_ALWAYS)} on the collection's {@code Window} makes sure there is one.
     */
    IterableAssert<T> inFinalPane(BoundedWindow window);

    /**
     * An assertion like this one on the elements of {@code window} in its ON_TIME pane, the one
     * fired when the watermark passed the end of the window; elements of panes of unknown timing
     * (such as elements never grouped) are not in it.
     */
    IterableAssert<T> inOnTimePane(BoundedWindow window);

    /** An assertion like this one on the elements of {@code window} in its EARLY panes, all together. */
    IterableAssert<T> inEarlyPane(BoundedWindow window);

    /** An assertion like this one on the elements of {@code window} in its LATE panes, all together. */
    IterableAssert<T> inLatePane(BoundedWindow window);

    /**
     * An assertion like this one on the elements of {@code window} in all its panes that are not
     * LATE (EARLY, ON_TIME and of unknown timing), all together.
     */
    IterableAssert<T> inCombinedNonLatePanes(BoundedWindow window);

    /**
     * An assertion like this one on the elements of the {@link GlobalWindow} in its EARLY panes (the
     * panes fired before the global window closed), all together. Throws {@link
     * IllegalArgumentException} if the collection is not in the global window.
     */
    IterableAssert<T> inEarlyGlobalWindowPanes();

    /** Asserts that the elements are exactly {@code expected}, each as many times, in any order. */
    @SuppressWarnings("unchecked")
    IterableAssert<T> containsInAnyOrder(T... expected);

    /** Asserts that the elements are exactly {@code expected}, each as many times, in any order. */
    IterableAssert<T> containsInAnyOrder(Iterable<T> expected);

    /**
     * Asserts that there is one element per matcher, each matched by a different one of {@code
     * matchers}, in any order.
     */
    @SuppressWarnings("unchecked")
    IterableAssert<T> containsInAnyOrder(SerializableMatcher<? super T>... matchers);

    /** Asserts that there are no elements. */
    IterableAssert<T> empty();

    /**
     * Asserts that {@code checkerFn} returns (its result is ignored) rather than throws, given all
     * the elements.
     */
    IterableAssert<T> satisfies(SerializableFunction<Iterable<T>, Void> checkerFn);

    /** Asserts that {@code matcher} matches all the elements, as one iterable. */
    IterableAssert<T> satisfies(SerializableMatcher<? super Iterable<T>> matcher);
  }

  /**
   * Assertions on the single value made of a collection's contents (its only element, or its
   * key/value pairs as a map). Each method declares one assertion and returns this object.
   *
   * @param <T> the type of the value
   */
  public interface SingletonAssert<T> {

    /**
     * An assertion like this one on the value in {@code window}, which must be in the window's
     * only pane (as from a trigger that fires at most once): an element of the window in any other
     * pane fails the assertion. Throws {@link IllegalArgumentException} if {@code window} is not a
     * window of the collection's {@code WindowFn}.
     */
    SingletonAssert<T> inOnlyPane(BoundedWindow window);

    /**
     * An assertion like this one on the value in the final pane of {@code window} (the pane marked
     * last, including elements never grouped, whose pane is {@link PaneInfo#NO_FIRING}).
     */
    SingletonAssert<T> inFinalPane(BoundedWindow window);

    /** An assertion like this one on the value in the ON_TIME pane of {@code window}. */
    SingletonAssert<T> inOnTimePane(BoundedWindow window);

    /** An assertion like this one on the value in the EARLY panes of {@code window}. */
    SingletonAssert<T> inEarlyPane(BoundedWindow window);

    /** An assertion like this one on the value in the LATE panes of {@code window}. */
    SingletonAssert<T> inLatePane(BoundedWindow window);

    /** Asserts that the value {@code equals} {@code expected}. */
    SingletonAssert<T> isEqualTo(T expected);

    /** Asserts that the value does not {@code equal} {@code notExpected}. */
    SingletonAssert<T> notEqualTo(T notExpected);

    /** Asserts that {@code checkerFn} returns (its result is ignored) rather than throws, given the value. */
    SingletonAssert<T> satisfies(SerializableFunction<T, Void> checkerFn);

    /** Asserts that {@code matcher} matches the value. */
    SingletonAssert<T> satisfies(SerializableMatcher<? super T> matcher);
  }
}
