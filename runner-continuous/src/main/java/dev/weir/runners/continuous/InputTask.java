package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Channel;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.BooleanCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * A subtask fed by channels (a grouping, a stateful ParDo, a ParDo with side inputs): takes one
 * message at a time from its inbox and acts on it at once.
 *
 * <p>Watermarks are in-band: each channel's latest watermark is kept, a channel that ended counts
 * as the end of time, and the head's input watermark is the minimum over the main-input channels
 * (held back by elements waiting for side inputs); a view's watermark is the minimum over its own
 * channels. After each message the subtask sends on {@code min(input watermark, head's hold)} if
 * it advanced, and ships its buffers if its inbox is empty (or they are older than the buffer
 * timeout). Processing time is advanced before each message and whenever the head's next wake-up
 * comes (the system clock), or on each tick (a TestStream's manual clock).
 *
 * <p>Checkpoints: barriers are aligned. Once a channel delivered the barrier, its later messages
 * are set aside until every other channel delivered it too (or ended); then the subtask snapshots
 * its head, channel watermarks, side inputs and waiting elements, sends the barrier on,
 * acknowledges it with that state, and goes on with the messages set aside.
 */
final class InputTask extends Subtask {
  private final BlockingQueue<Message> inbox;
  private final List<Channel> channels;
  private final Instant[] watermarks;
  private final boolean[] ended;
  /** Channels whose source said it is idle and has sent nothing since. */
  private final boolean[] idle;
  /** Each view read and the elements received for it, kept for checkpoints. */
  private final Map<PCollectionView<?>, List<WindowedValue<?>>> sideLog = new LinkedHashMap<>();
  private final SideInputContainer sideInputs;
  private final boolean[] barrierSeen;
  private final List<ArrayDeque<Message>> setAside = new ArrayList<>();
  private final ArrayDeque<Message> replay = new ArrayDeque<>();
  private Head head;
  private int open;
  private long aligning;
  private Instant acted = BoundedWindow.TIMESTAMP_MIN_VALUE;

  InputTask(Job job, Stage stage, int subtask) {
    super(job, stage, subtask);
    this.inbox = job.inbox(stage, subtask);
    this.channels = stage.inputs;
    this.watermarks = new Instant[channels.size()];
    Arrays.fill(watermarks, BoundedWindow.TIMESTAMP_MIN_VALUE);
    this.ended = new boolean[channels.size()];
    this.idle = new boolean[channels.size()];
    this.barrierSeen = new boolean[channels.size()];
    this.open = channels.size();
    for (Channel channel : channels) {
      setAside.add(new ArrayDeque<>());
      if (channel.view() != null) {
        sideLog.putIfAbsent(channel.view(), new ArrayList<>());
      }
    }
    this.sideInputs = sideLog.isEmpty() ? null : new SideInputContainer(sideLog.keySet());
  }

  @Override
  void body() throws Exception {
    List<byte[]> restored = restoredFinished() ? null : restoredState();
    byte[] headState = restored == null ? null : restored.get(1);
    head = switch (stage.kind) {
      case GROUPING -> BoundedGroupingHead.appliesTo(job, stage.head)
          ? new BoundedGroupingHead(job, stage.head, chain.receiverFor(GroupingHead.outputOf(job, stage.head)), headState)
          : new GroupingHead(job, stage.head, chain.receiverFor(GroupingHead.outputOf(job, stage.head)), headState);
      case STATEFUL -> new StatefulHead(job, stage.head, sideInputs, chain::receiverFor, headState);
      case SIDE_INPUT_PARDO -> new SideInputParDoHead(job, stage.head, sideInputs, chain::receiverFor);
      default -> throw new IllegalStateException("Stage " + stage + " reads no channels");
    };
    chain.buildAll(job.plan().headOutputs(stage));
    if (restoredFinished()) {
      endOfInput();
      return;
    }
    if (restored != null) {
      restore(restored);
    }
    if (open == 0) {
      head.advanceInputWatermark(BoundedWindow.TIMESTAMP_MAX_VALUE);
      endOfInput();
    }
    while (open > 0) {
      Message message = next();
      head.startBundle();
      try {
        head.advanceProcessingTime(job.clock().now());
        if (message != null) {
          handle(message);
        }
        afterMessage();
      } finally {
        if (message != null) {
          job.done();
        }
      }
    }
  }

  /** The next message, or null when processing time or a buffer's timeout calls first. */
  private Message next() {
    if (!replay.isEmpty()) {
      return replay.poll();
    }
    long now = System.nanoTime();
    long waitNanos = chain.nextDueNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : chain.nextDueNanos() - now;
    Instant wakeUp = job.manualClock() == null ? head.nextWakeUp() : null;
    if (wakeUp != null) {
      long millis = wakeUp.getMillis() - job.clock().now().getMillis();
      waitNanos = Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
    }
    try {
      if (waitNanos == Long.MAX_VALUE) {
        Message message = inbox.poll(1, TimeUnit.SECONDS);
        // Checks now and then whether the job stopped, in case user code swallowed the interrupt.
        checkRunning();
        return message;
      }
      return waitNanos <= 0 ? inbox.poll() : inbox.poll(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Job.Stopped();
    }
  }

  /**
   * Acts on {@code message}, or sets it aside until the current checkpoint is aligned. A message set
   * aside does not count as in flight (so that a TestStream waiting for quiescence can inject the
   * missing barrier); it counts again once it is replayed.
   */
  private void handle(Message message) {
    checkRunning();
    int channel = channelOf(message);
    if (channel >= 0 && aligning != 0 && barrierSeen[channel]) {
      setAside.get(channel).add(message);
      return;
    }
    if (message instanceof Message.Idle) {
      idle[channel] = true;
    } else if (message instanceof Message.Records || message instanceof Message.Watermark) {
      idle[channel] = false;
    }
    if (message instanceof Message.Records records) {
      PCollectionView<?> view = channels.get(channel).view();
      if (view == null) {
        head.processAll(records.elements());
        stats.recordsIn.addAndGet(records.elements().size());
      } else {
        sideInputs.add(view, records.elements());
        sideLog.get(view).addAll(records.elements());
      }
    } else if (message instanceof Message.Watermark watermark) {
      if (watermark.watermark().isAfter(watermarks[channel])) {
        watermarks[channel] = watermark.watermark();
      }
    } else if (message instanceof Message.EndOfInput) {
      if (!ended[channel]) {
        ended[channel] = true;
        watermarks[channel] = BoundedWindow.TIMESTAMP_MAX_VALUE;
        open--;
        alignIfComplete();
      }
    } else if (message instanceof Message.Barrier barrier) {
      if (barrier.checkpointId() > lastBarrier) {
        aligning = barrier.checkpointId();
        barrierSeen[channel] = true;
        alignIfComplete();
      }
    }
    // A tick only asks for processing time to be advanced, which happened before.
  }

  private static int channelOf(Message message) {
    if (message instanceof Message.Records records) {
      return records.channel();
    } else if (message instanceof Message.Watermark watermark) {
      return watermark.channel();
    } else if (message instanceof Message.EndOfInput end) {
      return end.channel();
    } else if (message instanceof Message.Barrier barrier) {
      return barrier.channel();
    } else if (message instanceof Message.Idle idle) {
      return idle.channel();
    }
    return -1;
  }

  /** Takes the checkpoint being aligned once every channel delivered its barrier or ended. */
  private void alignIfComplete() {
    if (aligning == 0) {
      return;
    }
    for (int i = 0; i < channels.size(); i++) {
      if (!barrierSeen[i] && !ended[i]) {
        return;
      }
    }
    long checkpointId = aligning;
    aligning = 0;
    lastBarrier = checkpointId;
    head.flushPending();
    head.finishBundle();
    takeCheckpoint(checkpointId, this::snapshot, null);
    head.startBundle();
    Arrays.fill(barrierSeen, false);
    for (ArrayDeque<Message> messages : setAside) {
      for (Message message : messages) {
        job.busy();
        replay.add(message);
      }
      messages.clear();
    }
  }

  /**
   * Sections: 1 the head's state, 2 the channels' watermarks (millis), 3 which channels ended,
   * 4 the input watermark acted on, 5 the elements waiting for side inputs, then the elements of
   * each view read, in the order of the views.
   */
  private List<byte[]> snapshot() {
    StateSections sections = StateSections.running().add(head.snapshot());
    List<Long> millis = new ArrayList<>();
    List<Boolean> ends = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      millis.add(watermarks[i].getMillis());
      ends.add(ended[i]);
    }
    sections.add(ListCoder.of(VarLongCoder.of()), millis).add(ListCoder.of(BooleanCoder.of()), ends)
        .addLong(acted.getMillis());
    WaitingElements waiting = head.waiting();
    sections.add(ElementsCoder.of(stage.head.mainInput()), waiting == null ? List.of() : waiting.elements());
    sideLog.forEach((view, elements) -> sections.add(ElementsCoder.of(viewInput(view)), elements));
    return sections.build();
  }

  private void restore(List<byte[]> state) {
    List<Long> millis = StateSections.decode(ListCoder.of(VarLongCoder.of()), state.get(2));
    List<Boolean> ends = StateSections.decode(ListCoder.of(BooleanCoder.of()), state.get(3));
    for (int i = 0; i < channels.size(); i++) {
      watermarks[i] = new Instant(millis.get(i));
      if (ends.get(i)) {
        ended[i] = true;
        open--;
      }
    }
    acted = new Instant(StateSections.decodeLong(state.get(4)));
    List<WindowedValue<?>> waiting = StateSections.decode(ElementsCoder.of(stage.head.mainInput()), state.get(5));
    if (head.waiting() != null) {
      head.waiting().restore(waiting);
    }
    int section = 6;
    for (Map.Entry<PCollectionView<?>, List<WindowedValue<?>>> view : sideLog.entrySet()) {
      List<WindowedValue<?>> elements = StateSections.decode(ElementsCoder.of(viewInput(view.getKey())), state.get(section++));
      view.getValue().addAll(elements);
      sideInputs.add(view.getKey(), elements);
    }
  }

  private PCollection<?> viewInput(PCollectionView<?> view) {
    return job.plan().graph.getProducer(view).mainInput();
  }

  private void afterMessage() {
    if (sideInputs != null) {
      for (PCollectionView<?> view : sideLog.keySet()) {
        sideInputs.advanceWatermark(view, watermarkOf(view));
      }
      head.retryWaiting();
    }
    Instant input = earlier(watermarkOf(null), head.pendingMinimum());
    if (input.isAfter(acted)) {
      acted = input;
      head.advanceInputWatermark(input);
      stats.setInputWatermark(input);
    }
    head.finishBundle();
    chain.finishBundles();
    if (open == 0) {
      endOfInput();
      return;
    }
    emitWatermark(earlier(acted, head.outputHold()));
    if (inbox.isEmpty()) {
      chain.shipAll();
    } else {
      chain.shipIfDue(System.nanoTime());
    }
  }

  /**
   * The minimum watermark over the channels of {@code view} (null: the main input) that are not
   * idle; if every one of them is idle, the maximum over all of them, as Flink does: no channel
   * will advance any more, so everything up to the furthest watermark is flushed.
   */
  private Instant watermarkOf(PCollectionView<?> view) {
    Instant min = BoundedWindow.TIMESTAMP_MAX_VALUE;
    Instant maxOfAll = BoundedWindow.TIMESTAMP_MIN_VALUE;
    boolean active = false;
    for (int i = 0; i < channels.size(); i++) {
      if (channels.get(i).view() == view) {
        maxOfAll = watermarks[i].isAfter(maxOfAll) ? watermarks[i] : maxOfAll;
        if (!idle[i]) {
          active = true;
          min = earlier(min, watermarks[i]);
        }
      }
    }
    return active ? min : maxOfAll;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  void closeHead() {
    if (head != null) {
      head.close();
    }
  }
}
