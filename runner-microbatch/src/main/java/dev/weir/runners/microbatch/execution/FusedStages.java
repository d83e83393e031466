package dev.weir.runners.microbatch.execution;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.metrics.MetricsEnvironment;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chain of stateless stages run fused: each member reads only the output of the one before it,
 * which no other step reads, so the batch's input is cut into at most {@code --parallelism} slices
 * (of at least {@value #MIN_SLICE} elements) and each slice goes through the whole chain in one
 * task on a worker, the intermediate collections never leaving it. Outputs of the members that
 * other steps read (the last member's, side outputs) go to the batch in the order of the slices.
 *
 * <p>Each member runs with its own step's metrics container, and a failure names the member's step.
 * Watermarks: the members keep nothing, so each one's input and output watermark is the chain's
 * input watermark.
 */
public final class FusedStages {
  /** Below this many elements per worker, a batch is not cut further. */
  static final int MIN_SLICE = 256;

  private final List<Stage> members;
  private final List<PCollection<?>> links = new ArrayList<>();

  FusedStages(List<Stage> members) {
    verify(!members.isEmpty(), "an empty chain");
    this.members = List.copyOf(members);
    for (int i = 1; i < members.size(); i++) {
      links.add(members.get(i).step.mainInput());
    }
  }

  /** The members, in chain order. */
  List<Stage> members() {
    return members;
  }

  /** The first member, whose inputs are the chain's. */
  Stage head() {
    return members.get(0);
  }

  /** Runs {@code input} through the chain, emitting what other steps read into {@code outputs}. */
  void run(List<WindowedValue<?>> input, BatchData outputs) {
    if (input.isEmpty()) {
      return;
    }
    StageContext context = head().context;
    List<Workers.Task<Map<PCollection<?>, List<WindowedValue<?>>>>> tasks = new ArrayList<>();
    for (List<WindowedValue<?>> slice : slices(input, context.options().getParallelism())) {
      tasks.add(() -> runSlice(slice));
    }
    String name = head().step.fullName();
    for (Map<PCollection<?>, List<WindowedValue<?>>> result :
        context.workers().runAll(name, context.metricsOf(name), tasks)) {
      result.forEach(outputs::emit);
    }
  }

  @SuppressWarnings("try") // the scope only installs the member's metrics container
  private Map<PCollection<?>, List<WindowedValue<?>>> runSlice(List<WindowedValue<?>> slice) {
    Map<PCollection<?>, List<WindowedValue<?>>> leaving = new HashMap<>();
    List<WindowedValue<?>> current = slice;
    for (int i = 0; i < members.size() && !current.isEmpty(); i++) {
      Stage member = members.get(i);
      Map<PCollection<?>, List<WindowedValue<?>>> produced;
      try (MetricsEnvironment.Scope scope =
          MetricsEnvironment.scopedContainer(member.context.metricsOf(member.step.fullName()))) {
        produced = ((SliceStage) member).processSlice(current);
      }
      PCollection<?> link = i < links.size() ? links.get(i) : null;
      List<WindowedValue<?>> next = link == null ? null : produced.get(link);
      // Each collection has one producer, so no two members put the same collection.
      produced.forEach((collection, elements) -> {
        if (collection != link) {
          leaving.put(collection, elements);
        }
      });
      current = next == null ? List.of() : next;
    }
    return leaving;
  }

  /** {@code elements} cut into at most {@code parallelism} slices of at least {@value #MIN_SLICE}, in order. */
  public static <T> List<List<T>> slices(List<T> elements, int parallelism) {
    int count = Math.max(1, Math.min(parallelism, elements.size() / MIN_SLICE));
    List<List<T>> slices = new ArrayList<>(count);
    int size = (elements.size() + count - 1) / count;
    for (int from = 0; from < elements.size(); from += size) {
      slices.add(elements.subList(from, Math.min(elements.size(), from + size)));
    }
    return slices;
  }
}
