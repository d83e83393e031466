package dev.weir.runners.continuous;

import static dev.weir.runners.continuous.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CustomCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.io.UnboundedSource;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.Count;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.WithKeys;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With {@code --sourceIdleTimeout}, a source part that reads nothing stops holding the watermark back. */
class SourceIdlenessTest {
  private static final Map<String, CountDownLatch> FIRED = new ConcurrentHashMap<>();

  /** Two parts: one reads 0..19 at those millis, then nothing (watermark 20); the other never reads anything. */
  static final class OneSilentPartSource extends UnboundedSource<Long, UnboundedSource.CheckpointMark> {
    private static final long serialVersionUID = 1L;
    private final long count;

    OneSilentPartSource(long count) {
      this.count = count;
    }

    @Override
    public List<OneSilentPartSource> split(int desiredNumSplits, PipelineOptions options) {
      return List.of(new OneSilentPartSource(20), new OneSilentPartSource(0));
    }

    @Override
    public UnboundedReader<Long> createReader(PipelineOptions options, CheckpointMark mark) {
      return new UnboundedReader<>() {
        private long next;

        @Override
        public boolean start() {
          return advance();
        }

        @Override
        public boolean advance() {
          if (next >= count) {
            return false;
          }
          next++;
          return true;
        }

        @Override
        public Long getCurrent() {
          if (next == 0) {
            throw new NoSuchElementException();
          }
          return next - 1;
        }

        @Override
        public Instant getCurrentTimestamp() {
          return new Instant(getCurrent());
        }

        @Override
        public Instant getWatermark() {
          return count == 0 ? BoundedWindow.TIMESTAMP_MIN_VALUE : new Instant(next);
        }

        @Override
        public CheckpointMark getCheckpointMark() {
          return CheckpointMark.NOOP_CHECKPOINT_MARK;
        }

        @Override
        public UnboundedSource<Long, ?> getCurrentSource() {
          return OneSilentPartSource.this;
        }

        @Override
        public void close() {}
      };
    }

    @Override
    public Coder<CheckpointMark> getCheckpointMarkCoder() {
      return new CustomCoder<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(CheckpointMark value, OutputStream out) {}

        @Override
        public CheckpointMark decode(InputStream in) {
          return CheckpointMark.NOOP_CHECKPOINT_MARK;
        }
      };
    }

    @Override
    public Coder<Long> getOutputCoder() {
      return VarLongCoder.of();
    }
  }

  /** Counts down its test's latch when the count of the window [0, 10) arrives. */
  static final class FirstWindowFn extends DoFn<KV<String, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final String test;

    FirstWindowFn(String test) {
      this.test = test;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> count, BoundedWindow window) {
      if (window.maxTimestamp().equals(new Instant(9)) && count.getValue() == 10L) {
        FIRED.get(test).countDown();
      }
    }
  }

  @Test
  @Timeout(60)
  void windowsFireWhileAnIdlePartReadsNothing() throws Exception {
    String test = UUID.randomUUID().toString();
    FIRED.put(test, new CountDownLatch(1));
    Pipeline p = pipeline("--parallelism=2", "--sourceIdleTimeout=20", "--blockOnRun=false");
    p.apply(Read.from(new OneSilentPartSource(0)))
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(WithKeys.of((Long i) -> "k").withKeyType(TypeDescriptors.strings()))
        .apply(Count.perKey())
        .apply(ParDo.of(new FirstWindowFn(test)));

    PipelineResult result = p.run();
    boolean fired = FIRED.get(test).await(30, TimeUnit.SECONDS);
    result.cancel();

    assertThat(fired, is(true));
  }
}
