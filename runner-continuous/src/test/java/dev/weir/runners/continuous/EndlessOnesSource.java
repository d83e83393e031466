package dev.weir.runners.continuous;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.joda.time.Instant;

/**
 * A test source that never runs dry and never moves its watermark: its reader always has a next
 * record {@code KV("k", 1)} at time 0, and its watermark stays at the beginning of time. So nothing
 * downstream ever fires on the watermark, and a source subtask never waits for input. Immutable.
 */
final class EndlessOnesSource extends UnboundedSource<KV<String, Integer>, UnboundedSource.CheckpointMark.NoopCheckpointMark> {
  private static final long serialVersionUID = 1L;

  @Override
  public List<EndlessOnesSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this);
  }

  @Override
  public UnboundedReader<KV<String, Integer>> createReader(PipelineOptions options,
      CheckpointMark.NoopCheckpointMark checkpointMark) {
    return new UnboundedReader<>() {
      @Override
      public boolean start() {
        return true;
      }

      @Override
      public boolean advance() {
        return true;
      }

      @Override
      public KV<String, Integer> getCurrent() {
        return KV.of("k", 1);
      }

      @Override
      public Instant getCurrentTimestamp() {
        return new Instant(0);
      }

      @Override
      public Instant getWatermark() {
        return BoundedWindow.TIMESTAMP_MIN_VALUE;
      }

      @Override
      public CheckpointMark getCheckpointMark() {
        return CheckpointMark.NOOP_CHECKPOINT_MARK;
      }

      @Override
      public UnboundedSource<KV<String, Integer>, ?> getCurrentSource() {
        return EndlessOnesSource.this;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public Coder<CheckpointMark.NoopCheckpointMark> getCheckpointMarkCoder() {
    return new NoMarkCoder();
  }

  @Override
  public Coder<KV<String, Integer>> getOutputCoder() {
    return KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
  }

  /** Encodes the mark that holds nothing as nothing. */
  private static final class NoMarkCoder extends AtomicCoder<CheckpointMark.NoopCheckpointMark> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(CheckpointMark.NoopCheckpointMark value, OutputStream out) {}

    @Override
    public CheckpointMark.NoopCheckpointMark decode(InputStream in) {
      return new CheckpointMark.NoopCheckpointMark();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
