package dev.weir.runners.direct.execution;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.runtime.dofn.OutputManager;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what one bundle of a ParDo outputs, per output collection, running the element checks
 * on each output.
 *
 * <p>Not thread-safe: filled by the one task that runs the bundle, read by the driver after it.
 */
public final class BundleOutputs implements OutputManager {
  private final String stepName;
  private final Map<TupleTag<?>, PCollection<?>> collections = new LinkedHashMap<>();
  private final Map<TupleTag<?>, List<WindowedValue<?>>> elements = new LinkedHashMap<>();
  private final ElementChecks checks;

  public BundleOutputs(String stepName, Map<TupleTag<?>, PValue> outputs, ElementChecks checks) {
    this.stepName = stepName;
    this.checks = checks;
    outputs.forEach((tag, value) -> {
      collections.put(tag, (PCollection<?>) value);
      elements.put(tag, new ArrayList<>());
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
    List<WindowedValue<?>> target = elements.get(tag);
    checkArgument(target != null, "Transform '%s' output to %s, which is not one of its output tags %s."
        + " Fix: declare it with withOutputTags(...)", stepName, tag, elements.keySet());
    checks.onOutput((PCollection<T>) collections.get(tag), output.getValue());
    target.add(output);
  }

  /** The collection each tag outputs to. */
  public Map<TupleTag<?>, PCollection<?>> collections() {
    return collections;
  }

  /** The elements output under {@code tag}, in output order. */
  public List<WindowedValue<?>> elementsOf(TupleTag<?> tag) {
    return elements.get(tag);
  }
}
