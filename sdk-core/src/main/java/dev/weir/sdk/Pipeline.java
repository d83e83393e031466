package dev.weir.sdk;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.options.PipelineOptionsFactory;
import dev.weir.sdk.runners.TransformHierarchy;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.util.SerializabilityCheck;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import java.util.HashMap;
import java.util.Map;

/**
 * A graph of transforms over collections, built by applying {@link PTransform}s, then run by a
 * {@link PipelineRunner} chosen with {@code --runner}.
 *
 * <p>A pipeline is built by one thread; it is not thread-safe. Transform names are unique:
 * applying a second transform under a name already used at the same level appends a number
 * ("Count2"), as Beam does. Every applied transform must be serializable; one that is not fails
 * the {@code apply} call with a message naming the transform and the offending field.
 */
public class Pipeline {
  private final TransformHierarchy hierarchy = new TransformHierarchy();
  private final Map<String, Integer> namesUsed = new HashMap<>();
  private final PipelineOptions defaultOptions;
  private CoderRegistry coderRegistry;

  /** A pipeline whose options are {@code options}. */
  protected Pipeline(PipelineOptions options) {
    this.defaultOptions = options;
  }

  /** A pipeline with default options. */
  public static Pipeline create() {
    return new Pipeline(PipelineOptionsFactory.create());
  }

  /** A pipeline with the given options (parsed from flags, usually). */
  public static Pipeline create(PipelineOptions options) {
    return new Pipeline(options);
  }

  /** The start of the pipeline, to which root transforms are applied. */
  public PBegin begin() {
    return PBegin.in(this);
  }

  /** Applies a root transform. */
  public <OutputT extends POutput> OutputT apply(PTransform<? super PBegin, OutputT> root) {
    return begin().apply(root);
  }

  /** Applies a root transform under {@code name}. */
  public <OutputT extends POutput> OutputT apply(String name, PTransform<? super PBegin, OutputT> root) {
    return begin().apply(name, root);
  }

  /** Applies {@code transform} to {@code input}; what {@code input.apply(transform)} calls. */
  public static <InputT extends PInput, OutputT extends POutput> OutputT applyTransform(
      InputT input, PTransform<? super InputT, OutputT> transform) {
    return input.getPipeline().applyInternal(transform.getName(), input, transform);
  }

  /** Applies {@code transform} to {@code input} under {@code name}. */
  public static <InputT extends PInput, OutputT extends POutput> OutputT applyTransform(
      String name, InputT input, PTransform<? super InputT, OutputT> transform) {
    return input.getPipeline().applyInternal(name, input, transform);
  }

  private <InputT extends PInput, OutputT extends POutput> OutputT applyInternal(
      String name, InputT input, PTransform<? super InputT, OutputT> transform) {
    checkArgument(name != null && !name.isEmpty(), "A transform name must not be empty");
    checkArgument(!name.contains("/"), "Transform name '%s' must not contain '/'", name);
    String fullName = uniqueFullName(name);
    SerializabilityCheck.ensureSerializable(transform, "Transform '" + fullName + "' (" + transform.getClass().getName() + ")");
    for (PValue value : input.expand().values()) {
      value.finishSpecifying(input, transform);
    }
    hierarchy.pushNode(fullName, input, transform);
    try {
      transform.validate(defaultOptions);
      OutputT output = transform.expand(input);
      checkState(output != null, "Transform '%s' returned null from expand()", fullName);
      hierarchy.setOutput(output);
      output.finishSpecifyingOutput(fullName, input, transform);
      return output;
    } finally {
      hierarchy.popNode();
    }
  }

  private String uniqueFullName(String name) {
    TransformHierarchy.Node enclosing = hierarchy.getCurrent();
    String prefix = enclosing.isRootNode() ? "" : enclosing.getFullName() + "/";
    String candidate = prefix + name;
    int suffix = namesUsed.merge(candidate, 1, Integer::sum);
    if (suffix == 1) {
      return candidate;
    }
    // Skip suffixed names a user may have chosen explicitly.
    String unique = candidate + suffix;
    while (namesUsed.containsKey(unique)) {
      unique = candidate + (++suffix);
    }
    namesUsed.put(unique, 1);
    return unique;
  }

  /** Runs the pipeline with its own options; see {@link #run(PipelineOptions)}. */
  public PipelineResult run() {
    return run(defaultOptions);
  }

  /**
   * Runs the pipeline on the runner {@code options} name. Every collection's coder is fixed first,
   * so a missing coder fails here, before anything runs, naming the collection.
   */
  public PipelineResult run(PipelineOptions options) {
    finishSpecifying();
    PipelineRunner<? extends PipelineResult> runner = PipelineRunner.fromOptions(options);
    return runner.run(this);
  }

  private void finishSpecifying() {
    traverseTopologically(new PipelineVisitor.Defaults() {
      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {
        if (value instanceof PCollection) {
          value.finishSpecifying(null, producer.getTransform());
        }
      }
    });
  }

  /** The options the pipeline was created with. */
  public PipelineOptions getOptions() {
    return defaultOptions;
  }

  /** The coder registry used to infer coders of this pipeline's collections. */
  public CoderRegistry getCoderRegistry() {
    if (coderRegistry == null) {
      coderRegistry = CoderRegistry.createDefault();
    }
    return coderRegistry;
  }

  /** Visits the applied transforms and values in a topological order. */
  public void traverseTopologically(PipelineVisitor visitor) {
    hierarchy.visit(visitor);
  }

  @Override
  public String toString() {
    return "Pipeline#" + System.identityHashCode(this);
  }

  /** Visits the nodes and values of a pipeline; see {@link #traverseTopologically}. */
  public interface PipelineVisitor {
    /** Called on entering a composite; returns whether to visit its parts. */
    CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node);

    /** Called after a composite's parts (if entered). */
    void leaveCompositeTransform(TransformHierarchy.Node node);

    /** Called for each primitive transform. */
    void visitPrimitiveTransform(TransformHierarchy.Node node);

    /** Called once per value, before its first consumer and after its producer. */
    void visitValue(PValue value, TransformHierarchy.Node producer);

    /** Whether to enter a composite. */
    enum CompositeBehavior {
      ENTER_TRANSFORM,
      DO_NOT_ENTER_TRANSFORM
    }

    /** A visitor that enters every composite and does nothing; extend it and override what you need. */
    class Defaults implements PipelineVisitor {
      @Override
      public CompositeBehavior enterCompositeTransform(TransformHierarchy.Node node) {
        return CompositeBehavior.ENTER_TRANSFORM;
      }

      @Override
      public void leaveCompositeTransform(TransformHierarchy.Node node) {}

      @Override
      public void visitPrimitiveTransform(TransformHierarchy.Node node) {}

      @Override
      public void visitValue(PValue value, TransformHierarchy.Node producer) {}
    }
  }

  /**
   * Thrown by {@link PipelineResult#waitUntilFinish()} (and by runners that run synchronously) when
   * user code failed; the cause is the user's exception and the message names the transform.
   */
  public static class PipelineExecutionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineExecutionException(String message, Throwable cause) {
      super(message, cause);
    }

    public PipelineExecutionException(Throwable cause) {
      super(cause);
    }
  }
}
