package dev.weir.sdk.runners;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.Pipeline.PipelineVisitor;
import dev.weir.sdk.Pipeline.PipelineVisitor.CompositeBehavior;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tree of applied transforms of a pipeline: composites contain the transforms their
 * {@code expand} applied; leaves are primitives that runners execute.
 *
 * <p>Built by {@link dev.weir.sdk.Pipeline} on the thread that builds the pipeline; read by
 * runners once building is done. Not thread-safe.
 */
public final class TransformHierarchy {
  private final Node root;
  private Node current;

  public TransformHierarchy() {
    root = new Node(null, null, "", null);
    current = root;
  }

  /** Starts applying {@code transform} to {@code input} under {@code fullName}, inside the current node. */
  public Node pushNode(String fullName, PInput input, PTransform<?, ?> transform) {
    Node node = new Node(current, transform, fullName, input);
    current.parts.add(node);
    current = node;
    return node;
  }

  /** Records the output of the current node. */
  public void setOutput(POutput output) {
    current.setOutput(output);
  }

  /** Finishes the current node and returns to its enclosing node. */
  public void popNode() {
    checkState(current != root, "popNode called at the root of the hierarchy");
    current = current.enclosing;
  }

  /** The node being expanded now (the root when none is). */
  public Node getCurrent() {
    return current;
  }

  /** Visits every node in the order transforms were applied, which is a topological order. */
  public void visit(PipelineVisitor visitor) {
    root.visit(visitor, new HashSet<>());
  }

  /** One applied transform. */
  public static final class Node {
    private final Node enclosing;
    private final PTransform<?, ?> transform;
    private final String fullName;
    private final Map<TupleTag<?>, PValue> inputs;
    private final List<Node> parts = new ArrayList<>();
    private Map<TupleTag<?>, PValue> outputs = Map.of();
    private POutput output;

    private Node(Node enclosing, PTransform<?, ?> transform, String fullName, PInput input) {
      this.enclosing = enclosing;
      this.transform = transform;
      this.fullName = fullName;
      Map<TupleTag<?>, PValue> in = new LinkedHashMap<>();
      if (input != null) {
        in.putAll(input.expand());
      }
      if (transform != null) {
        in.putAll(transform.getAdditionalInputs());
      }
      this.inputs = Collections.unmodifiableMap(in);
    }

    private void setOutput(POutput output) {
      this.output = output;
      this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(output.expand()));
    }

    /** The transform applied; null for the root. */
    public PTransform<?, ?> getTransform() {
      return transform;
    }

    /** The unique, slash-separated name of this application ("Count/Combine/GroupByKey"). */
    public String getFullName() {
      return fullName;
    }

    /** The main and additional (side) inputs, by tag. */
    public Map<TupleTag<?>, PValue> getInputs() {
      return inputs;
    }

    /** The outputs, by tag. */
    public Map<TupleTag<?>, PValue> getOutputs() {
      return outputs;
    }

    /** The output as the transform returned it. */
    public POutput getOutput() {
      return output;
    }

    /** The enclosing composite; null for the root. */
    public Node getEnclosingNode() {
      return enclosing;
    }

    /** The transforms applied by this node's expansion. */
    public List<Node> getParts() {
      return Collections.unmodifiableList(parts);
    }

    public boolean isRootNode() {
      return enclosing == null;
    }

    /** Whether this node expanded into other transforms (or is the root). */
    public boolean isCompositeNode() {
      return isRootNode() || !parts.isEmpty();
    }

    private void visit(PipelineVisitor visitor, Set<PValue> visitedValues) {
      if (!isRootNode()) {
        for (PValue input : inputs.values()) {
          visitValueOnce(visitor, input, visitedValues);
        }
      }
      if (isCompositeNode()) {
        CompositeBehavior behavior = visitor.enterCompositeTransform(this);
        if (behavior == CompositeBehavior.ENTER_TRANSFORM) {
          for (Node part : parts) {
            part.visit(visitor, visitedValues);
          }
        }
        visitor.leaveCompositeTransform(this);
      } else {
        visitor.visitPrimitiveTransform(this);
      }
      if (!isRootNode()) {
        for (PValue out : outputs.values()) {
          visitValueOnce(visitor, out, visitedValues);
        }
      }
    }

    private void visitValueOnce(PipelineVisitor visitor, PValue value, Set<PValue> visited) {
      if (visited.add(value)) {
        visitor.visitValue(value, this);
      }
    }

    @Override
    public String toString() {
      return isRootNode() ? "RootNode" : fullName;
    }
  }
}
