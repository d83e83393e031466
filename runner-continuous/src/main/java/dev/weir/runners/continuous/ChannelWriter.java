package dev.weir.runners.continuous;

import com.google.common.hash.Hashing;
import dev.weir.runners.continuous.JobPlan.Stage;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.values.KV;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.joda.time.Instant;

/**
 * The writing end of one subtask's channel into every subtask of a downstream stage: records are
 * routed (by the hash of their key's encoding, round-robin, or to every subtask for a side input),
 * collected in one buffer per downstream subtask, and shipped when the buffer is full, when it is
 * older than {@code --bufferTimeout}, or before a watermark, barrier or the end of input, so that
 * a channel keeps its order. Records bound for a lifted combine's grouping may first be combined
 * per key and window by a {@link PartialCombiner}, whose accumulators are routed in their place.
 *
 * <p>Owned by one thread. Shipping blocks while the downstream inbox is full (back-pressure); the
 * time blocked is counted in the writer's {@link TaskStats}.
 */
final class ChannelWriter implements Receiver {
  /** How a record picks its downstream subtasks. */
  enum Routing { BY_KEY, ROUND_ROBIN, BROADCAST }

  private final Job job;
  private final Stage target;
  private final int channel;
  private final Routing routing;
  private final Coder<Object> keyCoder;
  private final TaskStats stats;
  /**
   * The combiner keeps at most this many buffers' worth of accumulators: enough for every key and
   * open window of a typical aggregation, so that several records meet in one accumulator before
   * the buffer timeout ships them.
   */
  private static final int COMBINED_BUFFERS = 32;

  private final List<List<WindowedValue<?>>> buffers = new ArrayList<>();
  private final int bufferSize;
  private final long timeoutNanos;
  private long oldestNanos;
  private int buffered;
  private int next;
  /** While true, buffers grow without limit and are shipped only by {@link #shipAll}. */
  private boolean holding;
  /** Combines records before they are routed (into a lifted combine's grouping), or null. */
  private final PartialCombiner combiner;
  /** How many accumulators the combiner may keep before they are routed. */
  private final int combinerLimit;
  /**
   * How many it keeps now: one buffer's worth at first, doubled at each routing up to the limit,
   * so that routing on size happens within the first records, while the JIT still profiles this
   * path; taken first after it compiled the chain, it would make the JIT throw that code away.
   */
  private int combinerRoutesAt;
  /** Whether the combiner's accumulators stay beyond the buffer timeout (see {@link PartialCombiner#waitsForWatermark}). */
  private final boolean combinerWaits;

  @SuppressWarnings("unchecked")
  ChannelWriter(Job job, Stage target, int channel, Routing routing, Coder<?> keyCoder, PartialCombiner combiner,
      TaskStats stats) {
    this.job = job;
    this.target = target;
    this.channel = channel;
    this.routing = routing;
    this.keyCoder = (Coder<Object>) keyCoder;
    this.stats = stats;
    this.combiner = combiner;
    this.bufferSize = job.options().getBufferSize();
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(job.options().getBufferTimeout());
    this.combinerLimit = COMBINED_BUFFERS * bufferSize;
    this.combinerRoutesAt = bufferSize;
    this.combinerWaits = combiner != null && combiner.waitsForWatermark() && timeoutNanos > 0;
    for (int i = 0; i < target.parallelism; i++) {
      buffers.add(newBuffer());
    }
  }

  @Override
  public void accept(WindowedValue<?> element) {
    boolean wasTimed = hasTimed();
    if (combiner != null) {
      combiner.add(element);
      if (combiner.size() >= combinerRoutesAt || timeoutNanos == 0) {
        combiner.drain(this::subtaskOfKey, this::routeTo);
        combinerRoutesAt = Math.min(combinerLimit, 2 * combinerRoutesAt);
      }
    } else {
      route(element);
    }
    if (timeoutNanos == 0 && !holding) {
      shipAll();
    }
    // Read the clock only when this record starts the timeout: accumulators that wait for the
    // watermark are never timed, and reading it for each of their records cost a share of W0.
    if (!wasTimed && hasTimed()) {
      oldestNanos = System.nanoTime();
    }
  }

  private void route(WindowedValue<?> element) {
    switch (routing) {
      case BY_KEY -> add(subtaskOfKey(((KV<?, ?>) element.getValue()).getKey()), element);
      case ROUND_ROBIN -> {
        add(next, element);
        next = (next + 1) % buffers.size();
      }
      case BROADCAST -> {
        for (int i = 0; i < buffers.size(); i++) {
          add(i, element);
        }
      }
      default -> throw new IllegalStateException("Unknown routing " + routing);
    }
    stats.recordsOut.incrementAndGet();
  }

  /** Routes {@code element} to {@code subtask}, which its key chose. */
  private void routeTo(WindowedValue<?> element, int subtask) {
    add(subtask, element);
    stats.recordsOut.incrementAndGet();
  }

  private void add(int subtask, WindowedValue<?> element) {
    List<WindowedValue<?>> buffer = buffers.get(subtask);
    buffer.add(element);
    buffered++;
    if (buffer.size() >= bufferSize && !holding) {
      ship(subtask);
    }
  }

  private int subtaskOfKey(Object key) {
    byte[] encoded;
    try {
      encoded = CoderUtils.encodeToByteArray(keyCoder, key);
    } catch (CoderException e) {
      throw new IllegalStateException("The key " + key + " of a record for '" + target.name()
          + "' could not be encoded with " + keyCoder + ": " + e + ". Fix the key coder.", e);
    }
    return Math.floorMod(Hashing.murmur3_32_fixed().hashBytes(encoded).asInt(), buffers.size());
  }

  /** Holds every record in the buffers (true) until {@link #shipAll}, or goes back to normal (false). */
  void hold(boolean hold) {
    this.holding = hold;
  }

  /**
   * Ships the buffers if the oldest record in them waited at least {@code --bufferTimeout}, with
   * the combiner's accumulators unless they {@linkplain PartialCombiner#waitsForWatermark wait}.
   */
  void shipIfDue(long nowNanos) {
    if (hasTimed() && nowNanos - oldestNanos >= timeoutNanos) {
      if (combinerWaits) {
        shipBuffers();
      } else {
        shipAll();
      }
    }
  }

  /** Ships every non-empty buffer, after the combiner's accumulators. */
  void shipAll() {
    if (combiner != null) {
      combiner.drain(this::subtaskOfKey, this::routeTo);
    }
    shipBuffers();
  }

  private void shipBuffers() {
    for (int i = 0; i < buffers.size(); i++) {
      if (!buffers.get(i).isEmpty()) {
        ship(i);
      }
    }
  }

  /** Whether records wait that the buffer timeout ships: those in buffers, and accumulators that do not wait for the watermark. */
  boolean hasTimed() {
    return buffered > 0 || (combiner != null && !combinerWaits && combiner.size() > 0);
  }

  /** The system nano time at which the oldest buffered record is due; meaningful if {@link #hasTimed}. */
  long dueNanos() {
    return oldestNanos + timeoutNanos;
  }

  private void ship(int subtask) {
    List<WindowedValue<?>> buffer = buffers.get(subtask);
    buffers.set(subtask, newBuffer());
    buffered -= buffer.size();
    send(subtask, new Message.Records(channel, buffer));
  }

  void sendWatermark(Instant watermark) {
    shipAll();
    for (int i = 0; i < buffers.size(); i++) {
      send(i, new Message.Watermark(channel, watermark));
    }
  }

  void sendBarrier(long checkpointId) {
    shipAll();
    for (int i = 0; i < buffers.size(); i++) {
      send(i, new Message.Barrier(channel, checkpointId));
    }
  }

  void sendIdle() {
    shipAll();
    for (int i = 0; i < buffers.size(); i++) {
      send(i, new Message.Idle(channel));
    }
  }

  void sendEnd() {
    shipAll();
    for (int i = 0; i < buffers.size(); i++) {
      send(i, new Message.EndOfInput(channel));
    }
  }

  /** An empty buffer sized for a full one (up to a point): growing one record by record copied it a dozen times. */
  private List<WindowedValue<?>> newBuffer() {
    return new ArrayList<>(Math.min(bufferSize, 1024));
  }

  private void send(int subtask, Message message) {
    long blocked = job.send(target, subtask, message);
    if (blocked > 0) {
      stats.blockedNanos.addAndGet(blocked);
    }
  }
}
