package dev.weir.sdk.transforms;

import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.state.TimeDomain;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TypeDescriptor;
import java.io.Serializable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * The user function of a {@link ParDo}: its {@link ProcessElement} method is called for each input
 * element and may output any number of elements.
 *
 * <p>Lifecycle, as Beam defines it: a runner deserializes an instance, calls {@link Setup} once,
 * then for each bundle of elements {@link StartBundle}, {@link ProcessElement} per element,
 * {@link FinishBundle}, and finally {@link Teardown} (best effort) before discarding it. One
 * instance is used by one thread at a time, so a DoFn needs no synchronization of its own
 * fields; it must not keep state across bundles that the output depends on.
 *
 * <p>Parameters of {@code @ProcessElement} are chosen by type and annotation: {@link Element},
 * {@link Timestamp}, {@link OutputReceiver}, {@link MultiOutputReceiver}, {@link ProcessContext},
 * {@link BoundedWindow}, {@link PaneInfo}, {@link PipelineOptions}, {@link SideInput}, and for a
 * stateful DoFn {@link StateId} and {@link TimerId}.
 *
 * <p>A stateful DoFn declares state ({@code @StateId} on {@code StateSpec} fields) and timers
 * ({@code @TimerId} on {@code TimerSpec} fields, each with an {@link OnTimer} method). Its input
 * must be a {@code KV}: state and timers are kept per key and window, and the runner processes the
 * elements of one key and window one at a time. When a window expires (its end plus the allowed
 * lateness is behind the watermark) its {@link OnWindowExpiration} method, if any, is called and
 * its state is cleared.
 *
 * @param <InputT> the input element type
 * @param <OutputT> the main output element type
 */
public abstract class DoFn<InputT, OutputT> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What {@link StartBundle} methods may see. */
  public abstract class StartBundleContext {
    public abstract PipelineOptions getPipelineOptions();
  }

  /** What {@link FinishBundle} methods may see and do: output needs an explicit timestamp and window. */
  public abstract class FinishBundleContext {
    public abstract PipelineOptions getPipelineOptions();

    /** Outputs to the main output, in {@code window} at {@code timestamp}. */
    public abstract void output(OutputT output, Instant timestamp, BoundedWindow window);

    /** Outputs to the output {@code tag}, in {@code window} at {@code timestamp}. */
    public abstract <T> void output(TupleTag<T> tag, T output, Instant timestamp, BoundedWindow window);
  }

  /** Output in the window of the element being processed. */
  public abstract class WindowedContext {
    public abstract PipelineOptions getPipelineOptions();

    /** Outputs with the input's timestamp and windows. */
    public abstract void output(OutputT output);

    /** Outputs with another timestamp, no earlier than the input's minus the allowed skew. */
    public abstract void outputWithTimestamp(OutputT output, Instant timestamp);

    /** Outputs to the additional output {@code tag}. */
    public abstract <T> void output(TupleTag<T> tag, T output);

    /** Outputs to the additional output {@code tag} with another timestamp. */
    public abstract <T> void outputWithTimestamp(TupleTag<T> tag, T output, Instant timestamp);
  }

  /** Everything about the element being processed, and output. */
  public abstract class ProcessContext extends WindowedContext {
    /** The input element; must not be modified. */
    public abstract InputT element();

    /** The value of a side input in the window of the current element. */
    public abstract <T> T sideInput(PCollectionView<T> view);

    /** The timestamp of the input element. */
    public abstract Instant timestamp();

    /** The pane the input element came from. */
    public abstract PaneInfo pane();
  }

  /**
   * What {@link OnTimer} methods may see and do. Outputs go to the timer's window, with the
   * timer's output timestamp unless another is given (no earlier than it minus the allowed skew).
   */
  public abstract class OnTimerContext extends WindowedContext {
    /** The output timestamp of the firing timer. */
    public abstract Instant timestamp();

    /** The time at which the timer was set to fire. */
    public abstract Instant fireTimestamp();

    /** The window the timer was set in. */
    public abstract BoundedWindow window();

    /** The time domain of the firing timer. */
    public abstract TimeDomain timeDomain();
  }

  /** Receives the output of one output of a DoFn. */
  public interface OutputReceiver<T> {
    /** Outputs with the input's timestamp and windows. */
    void output(T output);

    /** Outputs with another timestamp, no earlier than the input's minus the allowed skew. */
    void outputWithTimestamp(T output, Instant timestamp);
  }

  /** Gives the receiver of each output of a multi-output {@link ParDo}. */
  public interface MultiOutputReceiver {
    /** The receiver of the output {@code tag}. */
    <T> OutputReceiver<T> get(TupleTag<T> tag);
  }

  /** Marks the method called for each element. Exactly one per DoFn. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface ProcessElement {}

  /** Marks the parameter that receives the input element. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Element {}

  /** Marks the parameter ({@link Instant}) that receives the input element's timestamp. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Timestamp {}

  /** Marks a parameter that receives the side input registered under the given tag id. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface SideInput {
    /** The id given to {@code ParDo.withSideInput(id, view)}. */
    String value();
  }

  /**
   * Declares state (on a final {@code StateSpec} field) or receives it (on a parameter of a
   * {@code @ProcessElement}, {@code @OnTimer} or {@code @OnWindowExpiration} method, typed as the
   * declared state, such as {@code ValueState<Integer>}). Each id is declared once per DoFn.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  public @interface StateId {
    /** The state id; not empty. */
    String value();
  }

  /**
   * Declares a timer (on a final {@code TimerSpec} field) or receives it (on a {@code Timer}
   * parameter of a {@code @ProcessElement} or {@code @OnTimer} method). Each id is declared once
   * per DoFn, and has one {@link OnTimer} method.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  public @interface TimerId {
    /** The timer id; not empty. */
    String value();
  }

  /**
   * Marks the method called when the timer with the given id fires. It may take
   * {@link OnTimerContext}, a {@link BoundedWindow}, {@code @Timestamp Instant} (the timer's output
   * timestamp), {@link TimeDomain}, {@link OutputReceiver}, {@link MultiOutputReceiver},
   * {@link PipelineOptions}, {@code @StateId} and {@code @TimerId} parameters, and {@code @Key}.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface OnTimer {
    /** The id of the timer, as declared with {@code @TimerId}. */
    String value();
  }

  /**
   * Marks the method called once per key and window when the window expires, just before its
   * state is cleared. It may take a {@link BoundedWindow}, {@code @Timestamp Instant} (the window's
   * max timestamp, which outputs get), {@link OutputReceiver}, {@link MultiOutputReceiver},
   * {@link PipelineOptions}, {@code @StateId} parameters and {@code @Key}.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface OnWindowExpiration {}

  /**
   * Marks the parameter of an {@link OnTimer} or {@link OnWindowExpiration} method that receives
   * the key (of the {@code KV} input) the timer or window belongs to.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface Key {}

  /** Marks the method called once per instance before any bundle. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Setup {}

  /** Marks the method called before each bundle. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface StartBundle {}

  /** Marks the method called after each bundle; it may output with an explicit window. */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface FinishBundle {}

  /** Marks the method called once before an instance is discarded (best effort). */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Teardown {}

  /**
   * How far before the input's timestamp an output timestamp may be; zero by default, as in
   * Beam. Outputs earlier than that fail, naming the transform.
   */
  public Duration getAllowedTimestampSkew() {
    return Duration.ZERO;
  }

  /** The input element type, as far as the class's type arguments tell. */
  public TypeDescriptor<InputT> getInputTypeDescriptor() {
    return new TypeDescriptor<InputT>(getClass()) {};
  }

  /** The main output element type, as far as the class's type arguments tell. */
  public TypeDescriptor<OutputT> getOutputTypeDescriptor() {
    return new TypeDescriptor<OutputT>(getClass()) {};
  }
}
