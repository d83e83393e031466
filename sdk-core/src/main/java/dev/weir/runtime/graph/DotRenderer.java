package dev.weir.runtime.graph;

import dev.weir.sdk.values.PCollectionView;
import dev.weir.sdk.values.PValue;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link PipelineGraph} in Graphviz DOT. Composites are found from the steps' full
 * names: since a transform name cannot contain '/', every proper prefix of a step's full name
 * ending before a '/' is the full name of an enclosing composite.
 *
 * <p>Single use, single thread.
 */
final class DotRenderer {
  private final PipelineGraph graph;
  private final Map<Step, String> ids = new IdentityHashMap<>();
  private final StringBuilder out = new StringBuilder();
  private int clusters;

  DotRenderer(PipelineGraph graph) {
    this.graph = graph;
    List<Step> steps = graph.getSteps();
    for (int i = 0; i < steps.size(); i++) {
      ids.put(steps.get(i), "step" + i);
    }
  }

  String render() {
    out.append("digraph pipeline {\n");
    out.append("  rankdir=TB;\n");
    out.append("  node [shape=box, style=rounded];\n");
    writeCluster(composites(), 1);
    writeEdges();
    out.append("}\n");
    return out.toString();
  }

  /** The composite tree: children by name segment, with the steps directly inside each composite. */
  private Composite composites() {
    Composite root = new Composite("");
    for (Step step : graph.getSteps()) {
      String[] segments = step.fullName().split("/");
      Composite current = root;
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < segments.length - 1; i++) {
        path.append(i == 0 ? "" : "/").append(segments[i]);
        String name = path.toString();
        current = current.children.computeIfAbsent(segments[i], s -> new Composite(name));
      }
      current.steps.add(step);
    }
    return root;
  }

  private void writeCluster(Composite composite, int depth) {
    String indent = "  ".repeat(depth);
    for (Step step : composite.steps) {
      out.append(indent).append(ids.get(step))
          .append(" [label=").append(quote(step.shortName() + "\n" + step.primitive().displayName()))
          .append(", tooltip=").append(quote(step.fullName())).append("];\n");
    }
    for (Composite child : composite.children.values()) {
      out.append(indent).append("subgraph cluster_").append(clusters++).append(" {\n");
      String childIndent = indent + "  ";
      String shortName = child.fullName.substring(child.fullName.lastIndexOf('/') + 1);
      out.append(childIndent).append("label=").append(quote(shortName)).append(";\n");
      out.append(childIndent).append("tooltip=").append(quote(child.fullName)).append(";\n");
      writeCluster(child, depth + 1);
      out.append(indent).append("}\n");
    }
  }

  private void writeEdges() {
    int sinks = 0;
    for (Step step : graph.getSteps()) {
      for (PValue input : step.mainInputs()) {
        writeEdge(graph.getProducer(input), ids.get(step), input.getName(), false);
      }
      for (PCollectionView<?> view : step.sideInputs()) {
        writeEdge(graph.getProducer(view), ids.get(step), view.getName(), true);
      }
      // An output nobody reads still appears, as an edge to a point.
      for (PValue output : step.outputs().values()) {
        if (graph.getConsumers(output).isEmpty()) {
          String sink = "unread" + sinks++;
          out.append("  ").append(sink).append(" [shape=point];\n");
          writeEdge(step, sink, output.getName(), false);
        }
      }
    }
  }

  private void writeEdge(Step from, String to, String label, boolean sideInput) {
    out.append("  ").append(ids.get(from)).append(" -> ").append(to)
        .append(" [label=").append(quote(label));
    if (sideInput) {
      out.append(", style=dashed");
    }
    out.append("];\n");
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static final class Composite {
    private final String fullName;
    private final Map<String, Composite> children = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    Composite(String fullName) {
      this.fullName = fullName;
    }
  }
}
