package dev.weir.runtime.sinks;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class SinkCommitterTest {
  private final LoggingSink sink = new LoggingSink();
  private final SinkCommitter<String> committer = new SinkCommitter<>("Write", sink);

  @Test
  void commitsPreparedTransactionsInOrderUpToTheGivenOne() throws Exception {
    committer.prepared(2, "b");
    committer.prepared(1, "a1");
    committer.prepared(1, "a2");
    committer.prepared(3, "c");

    committer.commitUpTo(2);

    assertThat(sink.log, contains("commit 1 [a1, a2]", "commit 2 [b]"));
    assertThat(committer.hasPending(), is(true));
  }

  @Test
  void resumeHandsThePendingTransactionsOfTheEncodedSnapshotToTheSink() throws Exception {
    committer.prepared(7, "x");
    committer.prepared(8, "y");
    byte[] snapshot = committer.pendingBytes();
    SinkCommitter<String> restarted = new SinkCommitter<>("Write", sink);

    restarted.resume(snapshot);

    assertThat(sink.log, contains("resume {7=[x], 8=[y]}"));
    assertThat(restarted.hasPending(), is(false));
  }

  @Test
  void pendingBytesUpToATransactionLeaveOutLaterOnes() throws Exception {
    committer.prepared(7, "x");
    committer.prepared(8, "y");
    byte[] snapshot = committer.pendingBytesUpTo(7);
    SinkCommitter<String> restarted = new SinkCommitter<>("Write", sink);

    restarted.resume(snapshot);

    assertThat(sink.log, contains("resume {7=[x]}"));
  }

  @Test
  void nothingIsCommittedForATransactionNoShardWroteIn() throws Exception {
    SinkShardWriter<String, String> shard = new SinkShardWriter<>("Write", sink, 0);
    shard.begin(4);

    assertThat(shard.prepareCommit().isPresent(), is(false));
    committer.commitUpTo(4);
    assertThat(sink.log, empty());
  }

  @Test
  void aShardWritesAnElementOncePerWindow() throws Exception {
    SinkShardWriter<String, String> shard = new SinkShardWriter<>("Write", sink, 3);
    shard.begin(9);
    BoundedWindow first = new dev.weir.sdk.transforms.windowing.IntervalWindow(new Instant(0), new Instant(10));
    BoundedWindow second = new dev.weir.sdk.transforms.windowing.IntervalWindow(new Instant(5), new Instant(15));

    shard.write(WindowedValue.of("e", new Instant(6), List.of(first, second), PaneInfo.NO_FIRING));

    assertThat(shard.prepareCommit().get(), is("9/3:e,e"));
    assertThat(sink.log, containsInAnyOrder("open 9 3"));
  }

  /** Logs every call; a writer's committable is "transaction/shard:elements". */
  private static final class LoggingSink extends TransactionalSink<String, String> {
    private static final long serialVersionUID = 1L;
    final transient List<String> log = new ArrayList<>();

    @Override
    public Coder<String> getCommittableCoder() {
      return StringUtf8Coder.of();
    }

    @Override
    public Writer<String, String> openWriter(long transactionId, int shard) {
      log.add("open " + transactionId + " " + shard);
      List<String> written = new ArrayList<>();
      return new Writer<>() {
        @Override
        public void write(String element, Instant timestamp, BoundedWindow window, PaneInfo pane) {
          written.add(element);
        }

        @Override
        public String prepareCommit() {
          return transactionId + "/" + shard + ":" + String.join(",", written);
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void commit(long transactionId, List<String> committables) {
      log.add("commit " + transactionId + " " + committables);
    }

    @Override
    public void startFresh() {
      log.add("startFresh");
    }

    @Override
    public void resume(SortedMap<Long, List<String>> pending) {
      log.add("resume " + pending);
    }
  }
}
