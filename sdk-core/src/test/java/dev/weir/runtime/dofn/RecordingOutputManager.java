package dev.weir.runtime.dofn;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.values.TupleTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps every output of a runner, per tag, in arrival order. */
final class RecordingOutputManager implements OutputManager {
  private final Map<TupleTag<?>, List<WindowedValue<?>>> outputs = new LinkedHashMap<>();

  @Override
  public <T> void output(TupleTag<T> tag, WindowedValue<T> output) {
    outputs.computeIfAbsent(tag, t -> new ArrayList<>()).add(output);
  }

  /** The outputs to {@code tag}, empty if none. */
  @SuppressWarnings("unchecked")
  <T> List<WindowedValue<T>> get(TupleTag<T> tag) {
    List<WindowedValue<T>> result = new ArrayList<>();
    for (WindowedValue<?> value : outputs.getOrDefault(tag, List.of())) {
      result.add((WindowedValue<T>) value);
    }
    return result;
  }

  /** The values output to {@code tag}, without their windows and timestamps. */
  <T> List<T> values(TupleTag<T> tag) {
    List<T> result = new ArrayList<>();
    for (WindowedValue<T> value : get(tag)) {
      result.add(value.getValue());
    }
    return result;
  }
}
