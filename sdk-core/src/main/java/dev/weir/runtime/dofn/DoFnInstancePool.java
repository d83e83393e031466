package dev.weir.runtime.dofn;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * The DoFn instances of one ParDo step: each is deserialized from the step's DoFn, set up once,
 * wrapped in the runner's evaluator ({@code E}), lent to one worker at a time, and torn down when
 * the run ends. Shared by every runner, so that all of them give DoFns the same lifecycle.
 *
 * <p>Thread-safe. An instance is made only when every existing one is lent out, so a step has at
 * most as many instances as workers. {@link #teardownAll} tears down the instances not lent out;
 * one still lent out then (a task that ignored interruption) is left alone, teardown being best
 * effort.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 * @param <E> the runner's evaluator, which holds one DoFn instance
 */
public final class DoFnInstancePool<InputT, OutputT, E> {
  private final String stepName;
  private final PipelineOptions options;
  private final byte[] serializedFn;
  private final ClassLoader classLoader;
  private final Function<DoFn<InputT, OutputT>, E> evaluators;
  private final Function<E, DoFn<InputT, OutputT>> fnOf;
  private final ConcurrentLinkedQueue<E> idle = new ConcurrentLinkedQueue<>();

  /**
   * A pool of instances of {@code prototype} for step {@code stepName}: {@code evaluators} wraps
   * a set-up instance in an evaluator, {@code fnOf} gives an evaluator's instance back.
   */
  public DoFnInstancePool(
      String stepName,
      DoFn<InputT, OutputT> prototype,
      PipelineOptions options,
      Function<DoFn<InputT, OutputT>, E> evaluators,
      Function<E, DoFn<InputT, OutputT>> fnOf) {
    this.stepName = stepName;
    this.options = options;
    this.serializedFn = serialize(prototype);
    this.classLoader = prototype.getClass().getClassLoader();
    this.evaluators = evaluators;
    this.fnOf = fnOf;
  }

  /**
   * A pool that only makes instances for callers that own them ({@link #newInstance}), as a
   * stateful step does; it lends none.
   */
  public static <InputT, OutputT> DoFnInstancePool<InputT, OutputT, Void> ofOwnedInstances(
      String stepName, DoFn<InputT, OutputT> prototype, PipelineOptions options) {
    return new DoFnInstancePool<>(stepName, prototype, options, null, null);
  }

  /** An idle instance, or a new one, deserialized and set up on this thread. */
  public E borrow() {
    checkState(evaluators != null, "Step '%s' owns its DoFn instances; it borrows none", stepName);
    E evaluator = idle.poll();
    if (evaluator != null) {
      return evaluator;
    }
    DoFn<InputT, OutputT> fn = deserialize();
    DoFnLifecycle.setup(fn, options, stepName);
    try {
      return evaluators.apply(fn);
    } catch (RuntimeException e) {
      // The instance was set up: it is torn down even though it never ran a bundle.
      tearDownQuietly(fn, e);
      throw e;
    }
  }

  /**
   * A new instance of the step's DoFn, deserialized and set up on this thread, owned by the caller
   * (a stateful step keeps one per key partition) and torn down with {@link #tearDown}.
   */
  public DoFn<InputT, OutputT> newInstance() {
    DoFn<InputT, OutputT> fn = deserialize();
    DoFnLifecycle.setup(fn, options, stepName);
    return fn;
  }

  /**
   * Tears down {@code fn}, made by {@link #newInstance}, with {@code metrics} installed for what
   * {@code @Teardown} reports; returns what it threw, or null.
   */
  @SuppressWarnings("try") // the scope only installs the step's metrics container
  public Throwable tearDown(DoFn<InputT, OutputT> fn, MetricsContainer metrics) {
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      DoFnLifecycle.teardown(fn, stepName);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** Takes back an instance lent by {@link #borrow}. */
  public void release(E evaluator) {
    idle.add(evaluator);
  }

  /**
   * Tears down every idle instance, with {@code metrics} installed for what {@code @Teardown}
   * reports; returns what the {@code @Teardown} methods threw.
   */
  @SuppressWarnings("try") // the scope only installs the step's metrics container
  public List<Throwable> teardownAll(MetricsContainer metrics) {
    List<Throwable> failures = new ArrayList<>();
    try (MetricsEnvironment.Scope scope = MetricsEnvironment.scopedContainer(metrics)) {
      for (E evaluator = idle.poll(); evaluator != null; evaluator = idle.poll()) {
        try {
          DoFnLifecycle.teardown(fnOf.apply(evaluator), stepName);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
    }
    return failures;
  }

  /** The full name of the step whose instances these are. */
  public String stepName() {
    return stepName;
  }

  private void tearDownQuietly(DoFn<InputT, OutputT> fn, RuntimeException cause) {
    try {
      DoFnLifecycle.teardown(fn, stepName);
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private byte[] serialize(DoFn<InputT, OutputT> fn) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(fn);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "The DoFn of transform '" + stepName + "' (" + fn.getClass().getName() + ") could not be serialized: " + e
              + ". Fix: make its fields serializable or transient.", e);
    }
    return bytes.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private DoFn<InputT, OutputT> deserialize() {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(serializedFn), classLoader)) {
      return (DoFn<InputT, OutputT>) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException(
          "The DoFn of transform '" + stepName + "' could not be deserialized: " + e
              + ". Fix: make sure its readObject/readResolve methods, if any, work.", e);
    }
  }

  /** Resolves classes through the DoFn's own class loader, which may not be the default one. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
