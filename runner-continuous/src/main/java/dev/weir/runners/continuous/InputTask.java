package dev.weir.runners.continuous;

import dev.weir.runners.continuous.JobPlan.Channel;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 */
final class InputTask extends Subtask {
  private final BlockingQueue<Message> inbox;
  private final List<Channel> channels;
  private final Instant[] watermarks;
  private final boolean[] ended;
  private final List<PCollectionView<?>> views;
  private final SideInputContainer sideInputs;
  private Head head;
  private int open;
  private Instant acted = BoundedWindow.TIMESTAMP_MIN_VALUE;

  InputTask(Job job, Stage stage, int subtask) {
    super(job, stage, subtask);
    this.inbox = job.inbox(stage, subtask);
    this.channels = stage.inputs;
    this.watermarks = new Instant[channels.size()];
    Arrays.fill(watermarks, BoundedWindow.TIMESTAMP_MIN_VALUE);
    this.ended = new boolean[channels.size()];
    this.open = channels.size();
    Set<PCollectionView<?>> read = new LinkedHashSet<>();
    for (Channel channel : channels) {
      if (channel.view() != null) {
        read.add(channel.view());
      }
    }
    this.views = new ArrayList<>(read);
    this.sideInputs = views.isEmpty() ? null : new SideInputContainer(views);
  }

  @Override
  void body() throws Exception {
    head = switch (stage.kind) {
      case GROUPING -> new GroupingHead(job, stage.head, chain.receiverFor(GroupingHead.outputOf(job, stage.head)));
      case STATEFUL -> new StatefulHead(job, stage.head, sideInputs, chain::receiverFor);
      case SIDE_INPUT_PARDO -> new SideInputParDoHead(job, stage.head, sideInputs, chain::receiverFor);
      default -> throw new IllegalStateException("Stage " + stage + " reads no channels");
    };
    chain.buildAll(job.plan().headOutputs(stage));
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
  private Message next() throws InterruptedException {
    long now = System.nanoTime();
    long waitNanos = chain.nextDueNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : chain.nextDueNanos() - now;
    Instant wakeUp = job.manualClock() == null ? head.nextWakeUp() : null;
    if (wakeUp != null) {
      long millis = wakeUp.getMillis() - job.clock().now().getMillis();
      waitNanos = Math.min(waitNanos, TimeUnit.MILLISECONDS.toNanos(Math.max(0, millis)));
    }
    try {
      if (waitNanos == Long.MAX_VALUE) {
        return inbox.take();
      }
      return waitNanos <= 0 ? inbox.poll() : inbox.poll(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Job.Stopped();
    }
  }

  private void handle(Message message) {
    checkRunning();
    if (message instanceof Message.Records records) {
      PCollectionView<?> view = channels.get(records.channel()).view();
      if (view == null) {
        head.processAll(records.elements());
        stats.recordsIn.addAndGet(records.elements().size());
      } else {
        sideInputs.add(view, records.elements());
      }
    } else if (message instanceof Message.Watermark watermark) {
      if (watermark.watermark().isAfter(watermarks[watermark.channel()])) {
        watermarks[watermark.channel()] = watermark.watermark();
      }
    } else if (message instanceof Message.EndOfInput end) {
      if (!ended[end.channel()]) {
        ended[end.channel()] = true;
        watermarks[end.channel()] = BoundedWindow.TIMESTAMP_MAX_VALUE;
        open--;
      }
    }
    // A tick only asks for processing time to be advanced, which happened before; barriers pass
    // unaligned unless the job takes checkpoints.
  }

  private void afterMessage() {
    if (sideInputs != null) {
      for (PCollectionView<?> view : views) {
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

  /** The minimum watermark over the channels of {@code view} (null: the main input). */
  private Instant watermarkOf(PCollectionView<?> view) {
    Instant min = BoundedWindow.TIMESTAMP_MAX_VALUE;
    for (int i = 0; i < channels.size(); i++) {
      if (channels.get(i).view() == view && watermarks[i].isBefore(min)) {
        min = watermarks[i];
      }
    }
    return min;
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
