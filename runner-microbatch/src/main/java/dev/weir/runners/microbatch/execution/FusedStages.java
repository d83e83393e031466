package dev.weir.runners.microbatch.execution;

import static com.google.common.base.Verify.verify;

import dev.weir.runtime.metrics.ChainContainers;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A chain of stages run fused, as Spark runs a stage's narrow transformations in one task: each
 * member after the first reads only the output of the one before it, which no other step reads.
 * The chain's input comes in slices (at most {@code --parallelism} slices of a list the batch
 * holds, of at least {@value #MIN_SLICE} elements; or, for a chain headed by a
 * {@link SlicedSource}, the source's shares, which the tasks read themselves), and one task per
 * slice pushes each element through every member's {@link SlicePass} before taking the next, so
 * that intermediate collections are never held. Outputs of the members that other steps read (the
 * last member's, side outputs) go to the batch in the order of the slices.
 *
 * <p>Each member runs with its own step's metrics container, and a failure names the member's step.
 * Watermarks: the members keep nothing, so each one's input and output watermark is the chain's
 * input watermark (a source head's planned watermark).
 */
public final class FusedStages {
  /** Below this many elements per worker, a batch is not cut further. */
  static final int MIN_SLICE = 256;

  private final List<Stage> members;
  /** The collection each member hands to the next one. */
  private final List<PCollection<?>> links = new ArrayList<>();
  /** Whether the head is a source read by the tasks rather than a stage with a pass. */
  private final boolean sourceHead;
  /** The keyed stage whose map side ends each task, reading the last member's output; null if none. */
  private final Stage shuffleWriter;
  /** The metrics container of each member, then of the map side if any, by index. */
  private final MetricsContainer[] containers;

  /**
   * A chain of {@code members}, ended in each task by the map side of {@code shuffleWriter} (a
   * {@link ShuffleWriting} stage, the only reader of one of the last member's outputs) if not null.
   */
  FusedStages(List<Stage> members, Stage shuffleWriter) {
    verify(!members.isEmpty(), "an empty chain");
    verify(shuffleWriter == null || shuffleWriter instanceof ShuffleWriting, "not a keyed stage: %s", shuffleWriter);
    this.members = List.copyOf(members);
    this.sourceHead = members.get(0) instanceof SlicedSource;
    this.shuffleWriter = shuffleWriter;
    for (int i = 1; i < members.size(); i++) {
      links.add(members.get(i).step.mainInput());
    }
    this.containers = new MetricsContainer[members.size() + 1];
    for (int i = 0; i < members.size(); i++) {
      containers[i] = members.get(i).context.metricsOf(members.get(i).step.fullName());
    }
    if (shuffleWriter != null) {
      containers[members.size()] = shuffleWriter.context.metricsOf(shuffleWriter.step.fullName());
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

  /** Runs the batch's {@code input} to a head with a pass through the chain, emitting what other steps read into {@code outputs}. */
  void run(List<WindowedValue<?>> input, BatchData outputs) {
    verify(!sourceHead, "a chain headed by a source reads its own input");
    List<SliceFeed> feeds = new ArrayList<>();
    for (List<WindowedValue<?>> slice : slices(input, head().context.options().getParallelism())) {
      feeds.add(into -> slice.forEach(into));
    }
    runFeeds(feeds, outputs);
  }

  /** Runs the head source's planned shares through the chain, emitting what other steps read into {@code outputs}. */
  void runFromSource(BatchData outputs) {
    verify(sourceHead, "only a chain headed by a sliced source reads it");
    runFeeds(((SlicedSource) head()).slices(), outputs);
  }

  private void runFeeds(List<SliceFeed> feeds, BatchData outputs) {
    if (feeds.isEmpty()) {
      return;
    }
    StageContext context = head().context;
    List<Workers.Task<SliceResult>> tasks = new ArrayList<>();
    for (SliceFeed feed : feeds) {
      tasks.add(() -> runSlice(feed));
    }
    String name = head().step.fullName();
    List<List<List<WindowedValue<?>>>> shuffled = new ArrayList<>();
    for (SliceResult result : context.workers().runAll(name, context.metricsOf(name), tasks)) {
      result.leaving().forEach(outputs::emit);
      shuffled.add(result.shuffled());
    }
    if (shuffleWriter != null) {
      ((ShuffleWriting) shuffleWriter).acceptShuffled(shuffled);
    }
  }

  /** What one task produced: the outputs leaving the chain, and what its map side wrote (null if none). */
  private record SliceResult(Map<PCollection<?>, List<WindowedValue<?>>> leaving,
      List<List<WindowedValue<?>>> shuffled) {}

  /** Runs one slice through the chain on this worker, whose installed container is the head's. */
  private SliceResult runSlice(SliceFeed feed) throws Exception {
    Map<PCollection<?>, List<WindowedValue<?>>> leaving = new LinkedHashMap<>();
    int first = sourceHead ? 1 : 0;
    int last = members.size() - 1;
    // One more pass, past the members, for the map side that ends the task.
    SlicePass[] passes = new SlicePass[members.size() + 1];
    ChainContainers steps = new ChainContainers(containers);
    steps.install();
    Workers workers = head().context.workers();
    try {
      if (shuffleWriter != null) {
        steps.switchTo(last + 1);
        passes[last + 1] = ((ShuffleWriting) shuffleWriter).openShuffleWrite();
      }
      // Opened from the last member back, so that each member's outputs know the pass they feed.
      for (int i = last; i >= first; i--) {
        steps.switchTo(i);
        passes[i] = ((SliceStage) members.get(i)).openPass(outputsOf(i, passes, steps, leaving));
      }
      // The head's container, which the worker installed for the task, while the feed runs.
      steps.switchTo(0);
      Consumer<WindowedValue<?>> entry = sourceHead
          ? outputsOf(0, passes, steps, leaving).apply(head().step.outputCollection())
          : passes[0]::process;
      feed.feed(element -> {
        workers.checkRunning();
        entry.accept(element);
      });
      for (int i = first; i < passes.length; i++) {
        if (passes[i] != null) {
          steps.switchTo(i);
          passes[i].finish();
        }
      }
      steps.switchTo(0);
      return new SliceResult(leaving, shuffleWriter == null ? null : ((ShuffleWrite) passes[last + 1]).partitions());
    } finally {
      for (SlicePass pass : passes) {
        if (pass != null) {
          pass.release();
        }
      }
    }
  }

  /**
   * Where member {@code i} sends what it outputs to each collection: the link into the next
   * member's pass or the map side (with its metrics container current around it), or a list
   * leaving the chain.
   */
  private Function<PCollection<?>, Consumer<WindowedValue<?>>> outputsOf(int i, SlicePass[] passes,
      ChainContainers steps, Map<PCollection<?>, List<WindowedValue<?>>> leaving) {
    PCollection<?> link = i < links.size() ? links.get(i)
        : shuffleWriter != null ? shuffleWriter.step.mainInput() : null;
    return collection -> {
      if (collection == link && i + 1 < members.size() && ((SliceStage) members.get(i + 1)).passesElementsOn()) {
        // Straight to where the next member's output goes: it would hand each element on as it is.
        return outputsOf(i + 1, passes, steps, leaving).apply(members.get(i + 1).step.outputCollection());
      }
      if (collection == link) {
        SlicePass next = passes[i + 1];
        return element -> {
          // No finally: a failure fails the task, and the worker's scope then restores its container.
          steps.switchTo(i + 1);
          next.process(element);
          steps.switchTo(i);
        };
      }
      // Each collection has one producer, so no two members fill the same list.
      return leaving.computeIfAbsent(collection, c -> new ArrayList<>())::add;
    };
  }

  /** {@code elements} cut into at most {@code parallelism} slices of at least {@value #MIN_SLICE}, in order. */
  public static <T> List<List<T>> slices(List<T> elements, int parallelism) {
    if (elements.isEmpty()) {
      return List.of();
    }
    int count = Math.max(1, Math.min(parallelism, elements.size() / MIN_SLICE));
    List<List<T>> slices = new ArrayList<>(count);
    int size = (elements.size() + count - 1) / count;
    for (int from = 0; from < elements.size(); from += size) {
      slices.add(elements.subList(from, Math.min(elements.size(), from + size)));
    }
    return slices;
  }
}
