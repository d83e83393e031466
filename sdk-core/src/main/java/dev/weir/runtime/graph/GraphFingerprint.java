package dev.weir.runtime.graph;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What of a {@link PipelineGraph} a checkpoint depends on, as an immutable value: a restart may
 * resume a checkpoint only if the graph it runs has the fingerprint the checkpoint recorded.
 *
 * <p>The fingerprint holds, per step in topological order: its full name, its primitive (by
 * display name), the names of its main and side inputs, and per output the collection's name and
 * its coder's identity and the identity of its windows' coder (state and timers are stored per
 * window, so a change of window type makes a checkpoint unreadable). A coder's identity is its class name with its component coders'
 * identities, recursively, followed by its {@code toString()}: both are the same in every JVM
 * running the same program (Weir's coders print their class and components; a user coder's {@code
 * toString} should not print object addresses). Not included: the code of user functions, window
 * functions and triggers, which a user may change freely between runs as long as names and
 * encodings stay.
 *
 * <p>Equality is equality of all of the above; {@link #toString()} shows a short SHA-256 prefix of
 * the {@linkplain GraphFingerprintCoder encoding}. Stored with {@link #coder()}. Thread-safe.
 */
public final class GraphFingerprint {
  private final List<StepPrint> steps;
  private final String hash;

  GraphFingerprint(List<StepPrint> steps) {
    this.steps = List.copyOf(steps);
    this.hash = GraphFingerprintCoder.of().hashOf(this);
  }

  /** The fingerprint of {@code graph}; fails as {@link PCollection#getCoder()} does if a coder is unknown. */
  public static GraphFingerprint of(PipelineGraph graph) {
    List<StepPrint> steps = new ArrayList<>();
    for (Step step : graph.getSteps()) {
      List<String> mainInputs = step.mainInputs().stream().map(PCollection::getName).toList();
      List<String> sideInputs = step.sideInputs().stream().map(v -> v.getPCollection().getName()).toList();
      List<OutputPrint> outputs = step.outputs().values().stream().map(GraphFingerprint::printOf).toList();
      steps.add(new StepPrint(step.fullName(), step.primitive().displayName(), mainInputs, sideInputs, outputs));
    }
    return new GraphFingerprint(steps);
  }

  /** The coder that stores fingerprints in checkpoints and logs. */
  public static Coder<GraphFingerprint> coder() {
    return GraphFingerprintCoder.of();
  }

  /**
   * Fails unless {@code current} equals {@code stored}, the fingerprint recorded in {@code
   * checkpoint}; the message lists what changed and how to proceed.
   *
   * @throws IllegalStateException if the graphs differ
   */
  public static void checkCompatible(Path checkpoint, GraphFingerprint stored, GraphFingerprint current) {
    if (stored.equals(current)) {
      return;
    }
    String changes = stored.describeDifferences(current).stream().collect(Collectors.joining("\n  - ", "\n  - ", ""));
    throw new IllegalStateException(
        "The pipeline does not match the one that wrote the checkpoint in " + checkpoint + " (graph "
            + stored.hash + ", now " + current.hash + "):" + changes
            + "\nFix: use a new --checkpointDir to start this pipeline from scratch, or revert the change to"
            + " resume from " + checkpoint + ".");
  }

  /**
   * How {@code later} differs from this (earlier) fingerprint, one sentence per change, in the order
   * of this graph's steps, then of the added steps; empty if and only if the two are equal.
   */
  public List<String> describeDifferences(GraphFingerprint later) {
    Map<String, StepPrint> before = byName(steps);
    Map<String, StepPrint> after = byName(later.steps);
    List<String> changes = new ArrayList<>();
    for (StepPrint old : steps) {
      StepPrint now = after.get(old.fullName());
      if (now == null) {
        changes.add("step '" + old.fullName() + "' was renamed or removed");
      } else {
        old.describeChangesTo(now, changes);
      }
    }
    for (StepPrint now : later.steps) {
      if (!before.containsKey(now.fullName())) {
        changes.add("step '" + now.fullName() + "' was added");
      }
    }
    if (changes.isEmpty() && !steps.equals(later.steps)) {
      changes.add("the steps run in a different order: " + names(later.steps) + " instead of " + names(steps));
    }
    return changes;
  }

  List<StepPrint> steps() {
    return steps;
  }

  /** A short hash of the whole fingerprint, for logs and messages. */
  public String hash() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphFingerprint other && steps.equals(other.steps);
  }

  @Override
  public int hashCode() {
    return steps.hashCode();
  }

  @Override
  public String toString() {
    return "GraphFingerprint(" + hash + ", " + steps.size() + " steps)";
  }

  private static OutputPrint printOf(PValue output) {
    if (output instanceof PCollectionView<?> view) {
      Coder<?> coder = view.getCoderInternal();
      String name = "view of " + view.getPCollection().getName();
      return coder == null
          ? new OutputPrint(name, "", "", "")
          : new OutputPrint(name, identityOf(coder), coder.toString(), "");
    }
    PCollection<?> collection = (PCollection<?>) output;
    Coder<?> coder = collection.getCoder();
    Coder<?> windowCoder = collection.getWindowingStrategy().getWindowFn().windowCoder();
    return new OutputPrint(collection.getName(), identityOf(coder), coder.toString(), identityOf(windowCoder));
  }

  private static String identityOf(Coder<?> coder) {
    List<? extends Coder<?>> components = coder.getCoderArguments();
    String structure = components.isEmpty()
        ? coder.getClass().getName()
        : coder.getClass().getName()
            + components.stream().map(GraphFingerprint::identityOf).collect(Collectors.joining(", ", "<", ">"));
    return structure + " " + coder;
  }

  private static Map<String, StepPrint> byName(List<StepPrint> steps) {
    Map<String, StepPrint> byName = new LinkedHashMap<>();
    steps.forEach(step -> byName.put(step.fullName(), step));
    return byName;
  }

  private static List<String> names(List<StepPrint> steps) {
    return steps.stream().map(StepPrint::fullName).toList();
  }

  /** One step: its full name, primitive, inputs by collection name, and outputs. */
  record StepPrint(String fullName, String kind, List<String> mainInputs, List<String> sideInputs,
      List<OutputPrint> outputs) {
    StepPrint {
      Objects.requireNonNull(fullName, "fullName");
      Objects.requireNonNull(kind, "kind");
      mainInputs = List.copyOf(mainInputs);
      sideInputs = List.copyOf(sideInputs);
      outputs = List.copyOf(outputs);
    }

    void describeChangesTo(StepPrint now, List<String> changes) {
      String step = "step '" + fullName + "'";
      if (!kind.equals(now.kind)) {
        changes.add(step + " changed from " + kind + " to " + now.kind);
      }
      if (!mainInputs.equals(now.mainInputs)) {
        changes.add(step + " now reads " + now.mainInputs + " instead of " + mainInputs);
      }
      if (!sideInputs.equals(now.sideInputs)) {
        changes.add(step + " now reads side inputs " + now.sideInputs + " instead of " + sideInputs);
      }
      List<String> names = outputs.stream().map(OutputPrint::name).toList();
      List<String> nowNames = now.outputs.stream().map(OutputPrint::name).toList();
      if (!names.equals(nowNames)) {
        changes.add(step + " now outputs " + nowNames + " instead of " + names);
        return;
      }
      for (int i = 0; i < outputs.size(); i++) {
        outputs.get(i).describeChangeTo(now.outputs.get(i), changes);
      }
    }
  }

  /**
   * One output: the collection's name, its coder's identity (compared) and its {@code toString()}
   * (shown), both empty for a view without a coder, and its window coder's identity (empty for a
   * view).
   */
  record OutputPrint(String name, String coderIdentity, String coderDisplay, String windowCoderIdentity) {
    OutputPrint {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(coderIdentity, "coderIdentity");
      Objects.requireNonNull(coderDisplay, "coderDisplay");
      Objects.requireNonNull(windowCoderIdentity, "windowCoderIdentity");
    }

    void describeChangeTo(OutputPrint now, List<String> changes) {
      if (!windowCoderIdentity.equals(now.windowCoderIdentity)) {
        changes.add("the windows of '" + name + "' changed from " + classOf(windowCoderIdentity) + " to "
            + classOf(now.windowCoderIdentity));
      }
      if (coderIdentity.equals(now.coderIdentity)) {
        return;
      }
      boolean sameDisplay = coderDisplay.equals(now.coderDisplay);
      changes.add("the coder of '" + name + "' changed from " + (sameDisplay ? coderIdentity : coderDisplay)
          + " to " + (sameDisplay ? now.coderIdentity : now.coderDisplay));
    }

    /** The coder class of an identity, without its package: "IntervalWindow$IntervalWindowCoder". */
    private static String classOf(String identity) {
      int space = identity.indexOf(' ');
      String className = space < 0 ? identity : identity.substring(0, space);
      return className.substring(className.lastIndexOf('.') + 1);
    }
  }
}
