package dev.weir.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  private final LatencyRecorder recorder = LatencyRecorder.start("recorder-test-" + System.nanoTime(), 1000);

  @AfterEach
  void stop() {
    recorder.stop();
  }

  private static StampedRows rows(long... dueIndexes) {
    StampedRows rows = new StampedRows();
    for (long due : dueIndexes) {
      rows.add(new LatencyRow(due, due * 7, LatencyRow.NO_WINDOW), 0, 1_000);
    }
    return rows;
  }

  @Test
  void dueOffsetsFollowTheGeneratorsScheduleInWholeMilliseconds() {
    LatencyRecorder slow = LatencyRecorder.start("recorder-test-rate-" + System.nanoTime(), 3);
    try {
      assertEquals(0, slow.dueOffsetMicros(0));
      assertEquals(333_000, slow.dueOffsetMicros(1));
      assertEquals(666_000, slow.dueOffsetMicros(2));
      assertEquals(1_000_000, slow.dueOffsetMicros(3));
    } finally {
      slow.stop();
    }
  }

  @Test
  void theGeneratorsStartIsTheMostPunctualArrivalAndTheLagTheLatest() {
    // Event i is due at start + i ms (1000 events/s); start = 10_000 us.
    recorder.eventArrived(0, 0, 10_500);
    recorder.eventArrived(1, 0, 11_000);
    recorder.eventArrived(2, 0, 42_000);

    LatencyRecorder.Observations seen = recorder.observations();
    assertEquals(10_000, seen.startMicros());
    assertEquals(40_000 - 10_000, seen.maxLagOffsetMicros() - seen.startMicros());
    assertEquals(42_000, seen.lastArrivalMicros());
    assertEquals(3, seen.events());
  }

  @Test
  void theFirstEventIsAWatermarkSample() {
    recorder.eventArrived(0, 5000, 1_000_000);

    List<long[]> samples = recorder.observations().watermarkSamples();
    assertEquals(1, samples.size());
    assertEquals(1_000_000, samples.get(0)[0]);
    assertEquals(5000 - 2048, samples.get(0)[1]);
  }

  @Test
  void aCommitStampsThePreparedRowsOfItsWriters() {
    recorder.prepared(1, rows(10, 11));
    recorder.prepared(2, rows(12));

    recorder.commit(7, List.of(1L, 2L), 5_000);

    StampedRows committed = recorder.observations().committed();
    assertEquals(3, committed.size());
    for (int k = 0; k < 3; k++) {
      assertEquals(5_000, committed.commitMicros(k));
      assertEquals(1_000, committed.writeMicros(k));
    }
    assertEquals(0, recorder.observations().uncommittedRows());
  }

  @Test
  void theFirstCommitOfATransactionWinsAndARepeatChangesNothing() {
    recorder.prepared(1, rows(10));
    recorder.commit(7, List.of(1L), 5_000);
    recorder.prepared(2, rows(10));

    recorder.commit(7, List.of(2L), 6_000);

    StampedRows committed = recorder.observations().committed();
    assertEquals(1, committed.size());
    assertEquals(5_000, committed.commitMicros(0));
    assertEquals(0, recorder.observations().uncommittedRows());
  }

  @Test
  void preparedRowsWithoutACommitAreCountedAsUncommitted() {
    recorder.prepared(1, rows(10, 11));

    assertEquals(2, recorder.observations().uncommittedRows());
    assertEquals(0, recorder.observations().committed().size());
  }

  @Test
  void aRunThatIsNotRecordingInThisJvmIsNamedWithTheReason() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> LatencyRecorder.forRun("nope"));

    assertTrue(e.getMessage().startsWith("Latency run nope is not recording in this JVM: the measuring steps only"
        + " work with a runner that executes the pipeline in the JVM that started it"), e.getMessage());
  }
}
