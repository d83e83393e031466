package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.UnboundedSource.UnboundedReader;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader of {@code TextIO.read().watchForNewFiles(...)}, driven by hand with a manual clock. */
class WatchedTextReaderTest {
  private static final Instant T0 = new Instant(1_700_000_000_000L);
  private static final Duration POLL = Duration.standardSeconds(1);

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private WatchedTextSource source(Watch.TerminationCondition termination) {
    return source(termination, TimestampPolicy.processingTime());
  }

  private WatchedTextSource source(Watch.TerminationCondition termination, TimestampPolicy<String> policy) {
    return TextIO.read().from(dir + "/*.txt*").watchForNewFiles(POLL, termination).withTimestampPolicy(policy)
        .withClock(clock).watchedSource();
  }

  private static WatchMark roundTrip(WatchMark mark) throws IOException {
    return CoderUtils.decodeFromByteArray(WatchMark.WatchMarkCoder.of(),
        CoderUtils.encodeToByteArray(WatchMark.WatchMarkCoder.of(), mark));
  }

  /**
   * Starts {@code reader} over files already in place: the first poll only observes them, the next
   * one, a poll interval later, takes them. Returns whether a line is then available.
   */
  private boolean startSettled(UnboundedReader<String> reader) throws IOException {
    assertFalse(reader.start(), "files are taken only once they stayed unchanged for a poll");
    clock.advance(POLL.getMillis());
    return reader.advance();
  }

  /** The lines available now: the current one if {@code current}, then every one advance() gives. */
  private static List<String> drain(UnboundedReader<String> reader, boolean current) throws IOException {
    List<String> lines = new ArrayList<>();
    if (current) {
      lines.add(reader.getCurrent());
    }
    while (reader.advance()) {
      lines.add(reader.getCurrent());
    }
    return lines;
  }

  @Test
  void readsTheFilesPresentAtStartInNameOrder() throws IOException {
    write("b.txt", "b1\nb2\n");
    write("a.txt", "a1\na2");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);

    assertTrue(startSettled(reader));
    assertEquals(List.of("a1", "a2", "b1", "b2"), drain(reader, true));
  }

  @Test
  void picksUpAFileThatAppearsOnlyAtTheNextPoll() throws IOException {
    write("a.txt", "a1\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    drain(reader, true);
    write("b.txt", "b1\nb2\n");

    clock.advance(POLL.getMillis() - 1);
    assertFalse(reader.advance(), "the next poll is not due yet");
    clock.advance(1);
    assertFalse(reader.advance(), "the poll that first sees b.txt only observes it");
    clock.advance(POLL.getMillis());
    assertEquals(List.of("b1", "b2"), drain(reader, false));
  }

  @Test
  void aFileStillBeingWrittenIsTakenOnlyOnceItStayedUnchangedForAPoll() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    assertFalse(reader.start());
    Path slow = write("slow.txt", "s1\ns");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance(), "first seen");
    Files.writeString(slow, "s1\ns2\ns", StandardCharsets.UTF_8);
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance(), "it grew since the last poll");
    Files.writeString(slow, "s1\ns2\ns3\n", StandardCharsets.UTF_8);
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance(), "it grew again");

    clock.advance(POLL.getMillis());
    assertTrue(reader.advance(), "unchanged for one poll: taken");
    assertEquals(List.of("s1", "s2", "s3"), drain(reader, true));
  }

  @Test
  void aWatchDoesNotStopWhileAFileWaitsToSettle() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.afterTotalOf(Duration.ZERO)).createReader(null, null);
    write("a.txt", "a1\n");
    assertFalse(reader.start());
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark(), "a.txt is waiting");

    clock.advance(POLL.getMillis());
    assertTrue(reader.advance());
    assertEquals(List.of("a1"), drain(reader, true));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void takesAPathOnceEvenWhenItChangesLater() throws IOException {
    Path a = write("a.txt", "a1\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    drain(reader, true);
    Files.writeString(a, "a1\nrewritten\n");

    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
  }

  @Test
  void restoringFromAMarkMidFileContinuesAtTheNextLine() throws IOException {
    write("a.txt", "a1\r\na2\r\na3\ra4");
    write("b.txt", "b1\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    reader.advance();
    assertEquals("a2", reader.getCurrent());
    WatchMark mark = roundTrip((WatchMark) reader.getCheckpointMark());
    reader.close();

    UnboundedReader<String> restored = source(Watch.Growth.never()).createReader(null, mark);
    assertTrue(restored.start());
    assertEquals(List.of("a3", "a4", "b1"), drain(restored, true));
  }

  @Test
  void restoringFromAMarkInAGzipFileContinuesAtTheNextLine() throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("a.txt.gz")))) {
      out.write("g1\ng2\ng3\n".getBytes(StandardCharsets.UTF_8));
    }
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    WatchMark mark = roundTrip((WatchMark) reader.getCheckpointMark());

    UnboundedReader<String> restored = source(Watch.Growth.never()).createReader(null, mark);
    assertTrue(restored.start());
    assertEquals(List.of("g2", "g3"), drain(restored, true));
  }

  @Test
  void restoringFromAMarkAtTheEndOfAFileRereadsNothing() throws IOException {
    write("a.txt", "a1\na2\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    drain(reader, true);
    WatchMark mark = roundTrip((WatchMark) reader.getCheckpointMark());
    write("b.txt", "b1\n");

    UnboundedReader<String> restored = source(Watch.Growth.never()).createReader(null, mark);
    assertFalse(restored.start(), "the restored reader keeps the poll schedule");
    clock.advance(POLL.getMillis());
    assertFalse(restored.advance(), "the first poll after the restore sees b.txt");
    clock.advance(POLL.getMillis());
    assertTrue(restored.advance(), "and the next one takes it");
    assertEquals(List.of("b1"), drain(restored, true));
  }

  @Test
  void aFileWaitingToSettleIsTakenOnScheduleByAReaderRestoredFromAMark() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    write("a.txt", "a1\n");
    assertFalse(reader.start(), "a.txt is seen");
    WatchMark mark = roundTrip((WatchMark) reader.getCheckpointMark());
    reader.close();

    UnboundedReader<String> restored = source(Watch.Growth.never()).createReader(null, mark);
    assertFalse(restored.start(), "no poll is due");
    clock.advance(POLL.getMillis());
    assertTrue(restored.advance(), "unchanged since the poll before the restore: taken");
    assertEquals(List.of("a1"), drain(restored, true));
  }

  @Test
  void markCoderRoundTripsEveryField() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    write("a.txt", "a1\na2\n");
    startSettled(reader);
    WatchMark midFile = (WatchMark) reader.getCheckpointMark();
    drain(reader, true);
    write("c.txt", "c1\n");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
    WatchMark waiting = (WatchMark) reader.getCheckpointMark();

    assertEquals(1, midFile.linesRead());
    assertEquals(midFile, roundTrip(midFile));
    assertEquals(List.of(dir.resolve("c.txt").toString()), List.copyOf(waiting.unsettled().keySet()));
    assertEquals(waiting, roundTrip(waiting));
  }

  @Test
  void afterTimeSinceNewOutputEndsTheStreamOnceItsTimeHasPassedSinceTheLastNewFile() throws IOException {
    write("a.txt", "a1\n");
    UnboundedReader<String> reader =
        source(Watch.Growth.afterTimeSinceNewOutput(Duration.standardSeconds(2))).createReader(null, null);
    startSettled(reader);
    drain(reader, true);

    clock.advance(2_000);
    assertFalse(reader.advance());
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark(), "exactly 2 s is not more than 2 s");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void theStreamDoesNotEndWhileAFileTakenByTheLastPollIsUnread() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.afterTotalOf(Duration.ZERO)).createReader(null, null);
    assertFalse(reader.start());
    write("a.txt", "a1\na2\n");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance(), "a.txt is seen but has not settled yet");
    clock.advance(POLL.getMillis());

    assertTrue(reader.advance(), "the last poll, which stops polling, still takes a.txt");
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
    assertEquals(List.of("a1", "a2"), drain(reader, true));
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void afterTotalOfEndsAWatchThatNeverFoundAFile() throws IOException {
    UnboundedReader<String> reader = source(Watch.Growth.afterTotalOf(Duration.standardSeconds(1))).createReader(null, null);
    assertFalse(reader.start());

    clock.advance(1_001);
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void afterTimeSinceNewOutputNeverEndsAWatchThatNeverFoundAFile() throws IOException {
    UnboundedReader<String> reader =
        source(Watch.Growth.afterTimeSinceNewOutput(Duration.standardSeconds(1))).createReader(null, null);
    reader.start();

    clock.advance(3_600_000);
    assertFalse(reader.advance());
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void afterTimeSinceNewOutputOrStartEndsAWatchThatNeverFoundAFile() throws IOException {
    UnboundedReader<String> reader =
        source(Watch.Growth.afterTimeSinceNewOutputOrStart(Duration.standardSeconds(1))).createReader(null, null);
    assertFalse(reader.start());

    clock.advance(1_000);
    assertFalse(reader.advance());
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark(), "exactly 1 s is not more than 1 s");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void afterTimeSinceNewOutputOrStartCountsFromTheLastNewFile() throws IOException {
    write("a.txt", "a1\n");
    UnboundedReader<String> reader =
        source(Watch.Growth.afterTimeSinceNewOutputOrStart(Duration.standardSeconds(2))).createReader(null, null);
    startSettled(reader);
    drain(reader, true);

    clock.advance(2_000);
    assertFalse(reader.advance());
    assertNotEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark(), "3 s since start, 2 s since a.txt");
    clock.advance(POLL.getMillis());
    assertFalse(reader.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, reader.getWatermark());
  }

  @Test
  void processingTimeStampsLinesWithTheClockAndWatermarksWithIt() throws IOException {
    write("a.txt", "a1\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    clock.advance(7);

    startSettled(reader);
    assertEquals(T0.plus(POLL).plus(Duration.millis(7)), reader.getCurrentTimestamp());
    clock.advance(5);
    assertEquals(T0.plus(POLL).plus(Duration.millis(12)), reader.getWatermark());
  }

  @Test
  void eventTimePolicyStampsLinesAndItsWatermarkSurvivesARestore() throws IOException {
    write("a.txt", "1700000009000\n1700000004000\n1700000001000\n");
    TimestampPolicy<String> policy =
        TimestampPolicy.eventTime((String line) -> new Instant(Long.parseLong(line)), Duration.standardSeconds(5));
    UnboundedReader<String> reader = source(Watch.Growth.never(), policy).createReader(null, null);
    startSettled(reader);
    reader.advance();
    assertEquals(new Instant(1_700_000_004_000L), reader.getCurrentTimestamp());
    WatchMark mark = roundTrip((WatchMark) reader.getCheckpointMark());

    UnboundedReader<String> restored = source(Watch.Growth.never(), policy).createReader(null, mark);
    assertTrue(restored.start());
    assertEquals(new Instant(1_700_000_001_000L), restored.getCurrentTimestamp());
    assertEquals(new Instant(1_700_000_004_000L), restored.getWatermark(), "the largest event time seen is restored");
  }

  @Test
  void aTakenFileThatVanishedFailsNamingIt() throws IOException {
    Path a = write("a.txt", "a1\n");
    write("b.txt", "b1\n");
    UnboundedReader<String> reader = source(Watch.Growth.never()).createReader(null, null);
    startSettled(reader);
    Files.delete(dir.resolve("b.txt"));

    IOException e = assertThrows(IOException.class, reader::advance);
    assertTrue(e.getMessage().contains(dir.resolve("b.txt").toString()), e.getMessage());
    assertTrue(Files.exists(a));
  }

  @Test
  void markCoderRefusesAnotherFormatVersion() {
    byte[] bytes = {(byte) (WatchMark.WatchMarkCoder.VERSION + 1)};

    IOException e = assertThrows(IOException.class,
        () -> CoderUtils.decodeFromByteArray(WatchMark.WatchMarkCoder.of(), bytes));
    assertTrue(e.getMessage().contains("format version " + (WatchMark.WatchMarkCoder.VERSION + 1)), e.getMessage());
  }
}
