package dev.weir.sdk.testing.validation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.io.TransactionalWrite;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.TestStream;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.FixedWindows;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.TimestampedValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link TransactionalWrite} commits every element exactly once, with its window and pane,
 * after the sink started fresh, whatever transactions the runner cuts the input into.
 */
@ValidatesRunner
class TransactionalWriteValidationTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void commitsEveryElementOfABoundedInputExactlyOnce() {
    RecordingSink<Integer> sink = new RecordingSink<>();
    List<Integer> input = IntStream.range(0, 5000).boxed().collect(Collectors.toList());
    p.apply(Create.of(input)).apply(TransactionalWrite.to(sink));

    p.run().waitUntilFinish();

    List<String> expected = input.stream().map(i -> i + "@" + GLOBAL + "@" + PaneInfo.NO_FIRING)
        .collect(Collectors.toList());
    assertThat(sink.recording().committed(), containsInAnyOrder(expected.toArray()));
  }

  @Test
  void commitsEachPaneWithItsWindowAndPane() {
    RecordingSink<Integer> sink = new RecordingSink<>();
    p.apply(TestStream.create(KvCoderOfStringInt.CODER)
            .addElements(TimestampedValue.of(KV.of("a", 1), new Instant(1)),
                TimestampedValue.of(KV.of("a", 2), new Instant(2)))
            .advanceWatermarkTo(new Instant(10))
            .addElements(TimestampedValue.of(KV.of("a", 5), new Instant(12)))
            .advanceWatermarkToInfinity())
        .apply(Window.into(FixedWindows.of(Duration.millis(10))))
        .apply(Sum.integersPerKey())
        .apply(dev.weir.sdk.transforms.Values.create())
        .apply(TransactionalWrite.to(sink));

    p.run().waitUntilFinish();

    assertThat(sink.recording().committed(), containsInAnyOrder(
        "3@[1970-01-01T00:00:00.000Z..1970-01-01T00:00:00.010Z)@" + PaneInfo.ON_TIME_AND_ONLY_FIRING,
        "5@[1970-01-01T00:00:00.010Z..1970-01-01T00:00:00.020Z)@" + PaneInfo.ON_TIME_AND_ONLY_FIRING));
  }

  @Test
  void startsTheSinkFreshOnceBeforeAnyWriterOpens() {
    RecordingSink<Integer> sink = new RecordingSink<>();
    p.apply(Create.of(1, 2, 3)).apply(TransactionalWrite.to(sink));

    p.run().waitUntilFinish();

    Recording recording = sink.recording();
    assertThat(recording.freshStarts(), is(1));
    assertThat(recording.openedAt(), everyItem(greaterThan(recording.freshStartedAt())));
  }

  private static final String GLOBAL = "GlobalWindow";

  /** What one test's sink saw; kept statically, as runners work on deserialized copies of the sink. */
  static final class Recording {
    private final List<String> committed = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> openedAt = Collections.synchronizedList(new ArrayList<>());
    private long clock;
    private int freshStarts;
    private long freshStartedAt = Long.MAX_VALUE;

    synchronized long tick() {
      return ++clock;
    }

    synchronized void startedFresh() {
      freshStarts++;
      freshStartedAt = tick();
    }

    synchronized int freshStarts() {
      return freshStarts;
    }

    synchronized long freshStartedAt() {
      return freshStartedAt;
    }

    List<String> committed() {
      synchronized (committed) {
        return List.copyOf(committed);
      }
    }

    List<Long> openedAt() {
      synchronized (openedAt) {
        return List.copyOf(openedAt);
      }
    }
  }

  /** A sink that makes committed elements visible in its {@link Recording}, as "value@window@pane". */
  static final class RecordingSink<T> extends TransactionalSink<T, List<String>> {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Recording> RECORDINGS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();

    RecordingSink() {
      RECORDINGS.put(id, new Recording());
    }

    Recording recording() {
      return RECORDINGS.get(id);
    }

    @Override
    public Coder<List<String>> getCommittableCoder() {
      return ListCoder.of(StringUtf8Coder.of());
    }

    @Override
    public Writer<T, List<String>> openWriter(long transactionId, int shard) {
      Recording recording = recording();
      recording.openedAt.add(recording.tick());
      List<String> written = new ArrayList<>();
      return new Writer<>() {
        @Override
        public void write(T element, Instant timestamp, BoundedWindow window, PaneInfo pane) {
          written.add(element + "@" + window + "@" + pane);
        }

        @Override
        public List<String> prepareCommit() {
          return List.copyOf(written);
        }

        @Override
        public void abort() {
          written.clear();
        }
      };
    }

    @Override
    public void commit(long transactionId, List<List<String>> committables) {
      Recording recording = recording();
      for (List<String> committable : committables) {
        recording.committed.addAll(committable);
      }
    }

    @Override
    public void startFresh() {
      recording().startedFresh();
    }

    @Override
    public void resume(SortedMap<Long, List<List<String>>> pending) {
      throw new AssertionError("A run of this test has no checkpoint to resume from");
    }
  }

  private static final class KvCoderOfStringInt {
    static final Coder<KV<String, Integer>> CODER =
        dev.weir.sdk.coders.KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of());
  }
}
