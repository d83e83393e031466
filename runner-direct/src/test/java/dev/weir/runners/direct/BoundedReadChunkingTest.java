package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.io.BoundedSource;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.options.PipelineOptions;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The direct runner reads a bounded source part in chunks of at most 8192 elements, each its own batch. */
class BoundedReadChunkingTest {

  @Test
  void readsOnePartInBatchesOfAtMost8192Elements() {
    Pipeline p = pipeline("--targetParallelism=2");
    String id = UUID.randomUUID().toString();
    BundleSizes.SIZES.put(id, new CopyOnWriteArrayList<>());
    p.apply(Read.from(new UnsizedRange(20_000))).apply(ParDo.of(new BundleSizes(id)));

    p.run();

    // A source of unknown size is one part; a ParDo runs one bundle per batch it is handed.
    assertThat(BundleSizes.SIZES.remove(id), containsInAnyOrder(8192L, 8192L, 3616L));
  }

  @Test
  void deliversEveryElementOfAChunkedPartOnce() {
    Pipeline p = pipeline("--targetParallelism=2");
    Collected<Long> collected = Collected.of(p.apply(Read.from(new UnsizedRange(20_000))));

    p.run();

    List<Long> values = collected.records().stream().map(Collected.Record::value).sorted().toList();
    assertThat(values, equalTo(LongStream.range(0, 20_000).boxed().toList()));
  }

  /** Records the size of every bundle it processes, under its id. */
  private static final class BundleSizes extends DoFn<Long, Void> {
    static final Map<String, List<Long>> SIZES = new ConcurrentHashMap<>();
    private final String id;
    private transient long size;

    BundleSizes(String id) {
      this.id = id;
    }

    @StartBundle
    public void start() {
      size = 0;
    }

    @ProcessElement
    public void process(@Element Long n) {
      size++;
    }

    @FinishBundle
    public void finish() {
      SIZES.get(id).add(size);
    }
  }

  /** The numbers [0, n) with no size estimate, so that the runner reads them as one part. */
  private static final class UnsizedRange extends BoundedSource<Long> {
    private final long n;

    UnsizedRange(long n) {
      this.n = n;
    }

    @Override
    public List<? extends BoundedSource<Long>> split(long desiredBundleSizeBytes, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public long getEstimatedSizeBytes(PipelineOptions options) {
      return 0;
    }

    @Override
    public Coder<Long> getOutputCoder() {
      return VarLongCoder.of();
    }

    @Override
    public BoundedReader<Long> createReader(PipelineOptions options) {
      return new BoundedReader<>() {
        private long current = -1;

        @Override
        public boolean start() {
          return advance();
        }

        @Override
        public boolean advance() {
          current++;
          return current < n;
        }

        @Override
        public Long getCurrent() {
          if (current < 0 || current >= n) {
            throw new NoSuchElementException();
          }
          return current;
        }

        @Override
        public void close() {}

        @Override
        public BoundedSource<Long> getCurrentSource() {
          return UnsizedRange.this;
        }
      };
    }
  }
}
