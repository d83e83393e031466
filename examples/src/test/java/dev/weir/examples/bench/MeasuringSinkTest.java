package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import dev.weir.sdk.transforms.windowing.PaneInfo.Timing;
import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import org.joda.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeasuringSinkTest {
  private final String runId = "sink-test-" + System.nanoTime();
  private final LatencyRecorder recorder = LatencyRecorder.start(runId, 1000);
  private final MeasuringSink sink = new MeasuringSink(runId);

  @AfterEach
  void stop() {
    recorder.stop();
  }

  @Test
  void rowsBecomeVisibleOnlyWhenTheirTransactionCommits() throws IOException {
    sink.startFresh();
    TransactionalSink.Writer<LatencyRow, Long> writer = sink.openWriter(1, 0);
    writer.write(new LatencyRow(5, 55, 10_000), new Instant(0), GlobalWindow.INSTANCE,
        PaneInfo.createPane(false, false, Timing.EARLY, 2, -1));
    Long committable = writer.prepareCommit();

    assertEquals(0, recorder.observations().committed().size());
    sink.commit(1, List.of(committable));

    StampedRows committed = recorder.observations().committed();
    assertEquals(1, committed.size());
    assertEquals(5, committed.dueIndex(0));
    assertEquals(55, committed.rowHash(0));
    assertEquals(10_000, committed.windowEnd(0));
    assertEquals(2 * 4 + Timing.EARLY.ordinal(), committed.pane(0));
    assertTrue(committed.commitMicros(0) >= committed.writeMicros(0), "committed after written");
  }

  @Test
  void resumingPendingTransactionsFailsNamingWhy() {
    TreeMap<Long, List<Long>> pending = new TreeMap<>();
    pending.put(3L, List.of(1L));

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.resume(pending));

    assertEquals("The measuring sink of latency run " + runId + " cannot resume transactions [3]: their rows were"
        + " kept in the memory of the JVM that wrote them. Measure latency on runs without restarts.", e.getMessage());
  }
}
