package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Kind;
import dev.weir.runners.continuous.JobPlan.Route;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.graph.Step;
import dev.weir.runtime.metrics.ChainContainers;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.runtime.windowing.WindowAssigner;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.transforms.GroupByKey;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.transforms.windowing.WindowFn;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.Instant;

/**
 * The operators chained into one subtask's thread: every stateless step downstream of the
 * subtask's head up to the next stage's input, called as plain methods, ending in the channel
 * writers into the next stages. Built per thread, so that each thread has its own DoFn instances,
 * sink shards and buffers.
 *
 * <p>Owned by one thread. Bundles of chained DoFns start at their first element and finish at
 * {@link #finishBundles}, which the subtask calls after each input message and before every
 * watermark, barrier or end of input it sends on.
 */
final class Chain {
  private final Job job;
  private final Stage stage;
  private final int subtask;
  private final TaskStats stats;
  private final Map<PCollection<?>, Receiver> receivers = new IdentityHashMap<>();
  /** Chained ParDos, downstream ones first (each is made after what it outputs to). */
  private final List<ChainedParDo> parDos = new ArrayList<>();
  private final List<ChainedSink> sinks = new ArrayList<>();
  private final Map<Route, ChannelWriter> writers = new LinkedHashMap<>();
  /** The sink transaction records go to now: the checkpoint whose barrier comes next. */
  private long transaction;
  /** Switches the thread's metrics container between the chained steps. */
  private final ChainContainers containers;

  Chain(Job job, Stage stage, int subtask) {
    this.job = job;
    this.stage = stage;
    this.subtask = subtask;
    this.stats = job.stats(stage, subtask);
    this.transaction = job.sinks().firstTransaction();
    this.containers = new ChainContainers(job.stepContainers());
  }

  /** Readies the calling thread, the subtask's, to run the chain: call before its first element. */
  void prepareThread() {
    containers.install();
  }

  /** The receiver of {@code collection}'s elements in this thread; made on first use. */
  Receiver receiverFor(PCollection<?> collection) {
    Receiver receiver = receivers.get(collection);
    if (receiver == null) {
      receiver = build(collection);
      receivers.put(collection, receiver);
    }
    return receiver;
  }

  private Receiver build(PCollection<?> collection) {
    List<Receiver> targets = new ArrayList<>();
    for (Step step : job.plan().mainConsumers(collection)) {
      Stage target = job.plan().stageOf(step);
      if (target != null) {
        targets.add(writerFor(new Route(target, null)));
      } else {
        addChained(step, collection, targets);
      }
    }
    if (targets.size() == 1) {
      return targets.get(0);
    }
    Receiver[] all = targets.toArray(new Receiver[0]);
    return element -> {
      for (Receiver target : all) {
        Handoff.to(target, element);
      }
    };
  }

  /** Adds to {@code targets} the receivers of the chained {@code step}, which reads {@code collection}. */
  private void addChained(Step step, PCollection<?> collection, List<Receiver> targets) {
    switch (step.primitive()) {
      case PAR_DO -> {
        if (!JobPlan.isLiftedAway(job.plan().graph, step)) {
          ChainedParDo parDo = new ChainedParDo(job, step, this::receiverFor, containers);
          parDos.add(parDo);
          targets.add(parDo);
        }
      }
      case FLATTEN -> {
        // A collection flattened with itself appears once per occurrence.
        for (PCollection<?> input : step.mainInputs()) {
          if (input == collection) {
            targets.add(receiverFor(step.outputCollection()));
          }
        }
      }
      case WINDOW_ASSIGN -> targets.add(windowAssign(step));
      case CREATE_VIEW -> {
        PCollectionView<?> view = (PCollectionView<?>) step.output();
        for (Step reader : job.plan().graph.getConsumers(view)) {
          targets.add(writerFor(new Route(job.plan().stageOf(reader), view)));
        }
      }
      case TRANSACTIONAL_WRITE -> {
        ChainedSink sink = new ChainedSink(job, step, shardIndex(), stats, () -> transaction);
        sinks.add(sink);
        targets.add(sink);
      }
      default -> throw new IllegalStateException("Step '" + step.fullName() + "' (" + step.primitive()
          + ") cannot be chained; this is a bug in the ContinuousRunner");
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Receiver windowAssign(Step step) {
    Receiver downstream = receiverFor(step.outputCollection());
    WindowFn<Object, BoundedWindow> windowFn = (WindowFn) ((Window.Assign<?>) step.transform()).getWindowFn();
    if (WindowAssigner.leavesElementsUnchanged(windowFn, step.mainInput().getWindowingStrategy().getWindowFn())) {
      return downstream;
    }
    WindowAssigner<Object, BoundedWindow> assigner = new WindowAssigner<>(step.fullName(), windowFn);
    int index = job.stepIndex(step);
    return element -> {
      WindowedValue<Object> assigned;
      int previous = containers.enter(index);
      try {
        assigned = assigner.assign((WindowedValue<Object>) element);
      } finally {
        containers.exit(previous);
      }
      if (assigned != null) {
        Handoff.to(downstream, assigned);
      }
    };
  }

  private ChannelWriter writerFor(Route route) {
    return writers.computeIfAbsent(route, r -> {
      Stage target = r.target();
      int channel = target.channelOf(stage, subtask, r.view());
      ChannelWriter.Routing routing;
      Coder<?> keyCoder = null;
      PartialCombiner combiner = null;
      if (r.view() != null) {
        routing = ChannelWriter.Routing.BROADCAST;
      } else if (target.kind == Kind.GROUPING || target.kind == Kind.STATEFUL) {
        routing = ChannelWriter.Routing.BY_KEY;
        keyCoder = keyCoderOf(target);
        if (target.kind == Kind.GROUPING && PartialCombiner.appliesTo(job, target.head)) {
          combiner = PartialCombiner.of(job, target.head, keyCoder, containers);
        }
      } else {
        routing = ChannelWriter.Routing.ROUND_ROBIN;
      }
      return new ChannelWriter(job, target, channel, routing, keyCoder, combiner, stats);
    });
  }

  @SuppressWarnings("unchecked")
  private static Coder<?> keyCoderOf(Stage target) {
    PCollection<KV<Object, Object>> input = (PCollection<KV<Object, Object>>) target.head.mainInput();
    if (target.kind == Kind.GROUPING) {
      return GroupByKey.getInputKvCoder(input).getKeyCoder();
    }
    return ((KvCoder<Object, Object>) input.getCoder()).getKeyCoder();
  }

  /** A number no other subtask of the job has: the shard of the sinks chained here. */
  private int shardIndex() {
    int index = 0;
    for (Stage other : job.plan().stages) {
      if (other.index < stage.index) {
        index += other.parallelism;
      }
    }
    return index + subtask;
  }

  /** Builds the operators downstream of {@code outputs} now, so that every channel is known. */
  void buildAll(List<PCollection<?>> outputs) {
    outputs.forEach(this::receiverFor);
  }

  /** Finishes the open bundles of chained DoFns, upstream ones first. */
  void finishBundles() {
    for (int i = parDos.size() - 1; i >= 0; i--) {
      parDos.get(i).finishBundle();
    }
  }

  /** Ships the buffers whose oldest record is due. */
  void shipIfDue(long nowNanos) {
    for (ChannelWriter writer : writers.values()) {
      writer.shipIfDue(nowNanos);
    }
  }

  /**
   * Holds every record in the buffers until {@link #shipAll} (true), so that records that belong
   * together (one TestStream event) reach each downstream subtask in one buffer; false ends it.
   */
  void hold(boolean hold) {
    for (ChannelWriter writer : writers.values()) {
      writer.hold(hold);
    }
  }

  /** Ships every buffer. */
  void shipAll() {
    for (ChannelWriter writer : writers.values()) {
      writer.shipAll();
    }
  }

  /** The system nano time at which the next buffer is due, or {@link Long#MAX_VALUE} if none waits. */
  long nextDueNanos() {
    long due = Long.MAX_VALUE;
    for (ChannelWriter writer : writers.values()) {
      if (writer.hasTimed()) {
        due = Math.min(due, writer.dueNanos());
      }
    }
    return due;
  }

  /** Sends {@code watermark} downstream, after the records before it. */
  void emitWatermark(Instant watermark) {
    finishBundles();
    for (ChannelWriter writer : writers.values()) {
      writer.sendWatermark(watermark);
    }
  }

  /** Tells every downstream subtask that this (source) subtask is idle. */
  void emitIdle() {
    finishBundles();
    for (ChannelWriter writer : writers.values()) {
      writer.sendIdle();
    }
  }

  /** Ends the sink transactions of checkpoint {@code checkpointId} and sends its barrier downstream. */
  void emitBarrier(long checkpointId) {
    finishBundles();
    for (ChainedSink sink : sinks) {
      sink.prepare(checkpointId);
    }
    transaction = checkpointId + 1;
    for (ChannelWriter writer : writers.values()) {
      writer.sendBarrier(checkpointId);
    }
  }

  /** Ends this subtask's output: prepares the last sink transactions, sends the end of time and the end. */
  void endOfInput() {
    finishBundles();
    for (ChainedSink sink : sinks) {
      sink.prepare(transaction);
    }
    for (ChannelWriter writer : writers.values()) {
      writer.sendWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
      writer.sendEnd();
    }
  }

  /** Returns the DoFn instances to their pools and aborts open sink transactions; never throws. */
  void close() {
    for (ChainedParDo parDo : parDos) {
      parDo.release();
    }
    for (ChainedSink sink : sinks) {
      sink.abort();
    }
  }
}
