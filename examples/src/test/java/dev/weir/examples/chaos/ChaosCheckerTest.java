package dev.weir.examples.chaos;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.io.synthetic.Event;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosCheckerTest {
  private static final int KEYS = 3;
  private static final long RECORDS = 20;

  @TempDir Path dir;

  /** The lines an uninterrupted run writes, key by key. */
  private static List<String> uninterrupted() {
    List<String> lines = new ArrayList<>();
    long[] totals = new long[KEYS];
    for (long i = 0; i < RECORDS; i++) {
      int key = TotalLine.keyOf(i, KEYS);
      long amount = TotalLine.amountOf(Event.of(i));
      totals[key] += amount;
      lines.add(new TotalLine(key, TotalLine.seqOf(i, KEYS), amount, totals[key]).format());
    }
    return lines;
  }

  private ChaosChecker.Report check() {
    return ChaosChecker.check(dir.resolve("records"), RECORDS, KEYS);
  }

  private void write(String name, List<String> lines) throws IOException {
    Files.write(dir.resolve(name), lines);
  }

  @Test
  void findsNothingWrongInTheOutputOfAnUninterruptedRunSpreadOverFiles() throws IOException {
    List<String> lines = uninterrupted();
    write("records-t1-s0", lines.subList(0, 7));
    write("records-t2-s0", lines.subList(7, lines.size()));

    ChaosChecker.Report report = check();

    assertTrue(report.isExactlyOnce(), report.toString());
    assertEquals(new ChaosChecker.Report(RECORDS, 0, 0, 0, List.of()), report);
  }

  @Test
  void namesEachGapWithItsKeyAndSequenceNumbers() throws IOException {
    List<String> lines = uninterrupted();
    // Key 1 has seq 0..6 (events 1, 4, ..., 19); events 4 and 7 are its seq 1 and 2, event 19 its seq 6.
    lines.removeIf(line -> line.startsWith("k1 1 ") || line.startsWith("k1 2 ") || line.startsWith("k1 6 "));
    write("records-t1-s0", lines);

    ChaosChecker.Report report = check();

    assertEquals(3, report.lost());
    assertEquals(0, report.duplicated());
    assertEquals(0, report.wrong());
    assertThat(report.problems(), contains("k1 seq 1..2: lost (2 records)", "k1 seq 6: lost (1 records)"));
  }

  @Test
  void namesEachDuplicateAcrossFiles() throws IOException {
    List<String> lines = uninterrupted();
    write("records-t1-s0", lines);
    write("records-t1-s1", List.of(lines.get(0), lines.get(3), lines.get(3)));

    ChaosChecker.Report report = check();

    assertEquals(0, report.lost());
    assertEquals(3, report.duplicated());
    assertEquals(0, report.wrong());
    assertThat(report.problems(), contains("k0 seq 0..1: duplicated (3 extra copies)"));
  }

  @Test
  void namesEachWrongTotalWithTheExpectedLine() throws IOException {
    List<String> lines = uninterrupted();
    TotalLine right = TotalLine.parse(lines.get(5)).get();
    lines.set(5, new TotalLine(right.key(), right.seq(), right.amount(), right.total() + 1).format());
    write("records-t1-s0", lines);

    ChaosChecker.Report report = check();

    assertEquals(0, report.lost());
    assertEquals(0, report.duplicated());
    assertEquals(1, report.wrong());
    assertThat(report.problems(), contains("k2 seq 1: wrong amount or total in 1 lines, first records-t1-s0 line 6: '"
        + lines.get(5) + "', expected '" + right.format() + "'"));
  }

  @Test
  void countsEveryWrongCopyOfARecord() throws IOException {
    List<String> lines = uninterrupted();
    TotalLine right = TotalLine.parse(lines.get(0)).get();
    String wrong = new TotalLine(right.key(), right.seq(), right.amount() + 1, right.total() + 1).format();
    lines.set(0, wrong);
    lines.add(wrong);
    write("records-t1-s0", lines);

    ChaosChecker.Report report = check();

    assertEquals(1, report.duplicated());
    assertEquals(2, report.wrong());
    assertThat(report.problems(), hasItem("k0 seq 0: wrong amount or total in 2 lines, first records-t1-s0 line 1: '"
        + wrong + "', expected '" + right.format() + "'"));
  }

  @Test
  void countsLinesThatAreNoRecordOfTheInputAsWrong() throws IOException {
    List<String> lines = uninterrupted();
    lines.add("k7 0 1 1");
    lines.add("k0 99 1 1");
    lines.add("garbage");
    write("records-t1-s0", lines);

    ChaosChecker.Report report = check();

    assertEquals(3, report.wrong());
    assertThat(report.problems(), hasItem("records-t1-s0 line 23: 'garbage' is no record of the input (20 records over 3 keys)"));
    assertThat(report.problems(), hasItem("records-t1-s0 line 21: 'k7 0 1 1' is no record of the input (20 records over 3 keys)"));
  }

  @Test
  void readsOnlyCommittedFiles() throws IOException {
    List<String> lines = uninterrupted();
    write("records-t1-s0", lines);
    Files.createDirectories(dir.resolve(".weir-sink-records-0123456789ab"));
    write(".weir-sink-records-0123456789ab/records-t2-s0", lines);
    write(".records-t2-s0.tmp", lines);
    write("other-t1-s0", lines);

    ChaosChecker.Report report = check();

    assertTrue(report.isExactlyOnce(), report.toString());
  }

  @Test
  void reportsEveryRecordLostWhenNothingWasCommitted() {
    ChaosChecker.Report report = check();

    assertEquals(RECORDS, report.lost());
    assertFalse(report.isExactlyOnce());
    assertThat(report.problems(), hasItem("k0 seq 0..6: lost (7 records)"));
  }

  @Test
  void theResultLineHasTheCommandsFormat() {
    assertEquals("runner=MicroBatchRunner kills=3 records=20 lost=1 duplicated=2 wrong=3",
        Chaos.line("MicroBatchRunner", 3, new ChaosChecker.Report(20, 1, 2, 3, List.of())));
  }
}
