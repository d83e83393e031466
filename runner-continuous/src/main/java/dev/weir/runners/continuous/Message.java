package dev.weir.runners.continuous;

import dev.weir.runtime.values.WindowedValue;
import java.util.List;
import org.joda.time.Instant;

/**
 * What travels through a subtask's inbox: records, watermarks, barriers and the end of a channel,
 * each tagged with its input channel; or a tick, which tells the subtask that processing time moved.
 *
 * <p>Immutable once sent; a channel's messages arrive in the order its producer sent them.
 */
sealed interface Message {
  /** A buffer of records of one channel, in the order they were produced. */
  record Records(int channel, List<WindowedValue<?>> elements) implements Message {}

  /** The channel's producer will send no record earlier than {@code watermark} any more. */
  record Watermark(int channel, Instant watermark) implements Message {}

  /** Checkpoint {@code checkpointId}'s barrier: everything before it on the channel belongs to the checkpoint. */
  record Barrier(int channel, long checkpointId) implements Message {}

  /**
   * The channel's producer (a source with nothing to read for a while) is idle: its watermark
   * holds no one back until it sends a record or watermark again.
   */
  record Idle(int channel) implements Message {}

  /** The channel's producer has finished; it sends nothing more. */
  record EndOfInput(int channel) implements Message {}

  /** Processing time moved (the manual clock of a TestStream); not tied to a channel. */
  record Tick() implements Message {}
}
