package dev.weir.sdk.transforms;

import dev.weir.sdk.options.PipelineOptions;
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
 * {@link BoundedWindow}, {@link PaneInfo}, {@link PipelineOptions}, {@link SideInput}.
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
