package dev.weir.examples.chaos;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import dev.weir.io.synthetic.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the committed output of the demonstration pipeline against the output an uninterrupted
 * run writes, which {@link TotalLine} defines: every key's sequence numbers once each, with the
 * right amounts and running totals. Names every gap (records lost), duplicate and wrong line.
 *
 * <p>Only committed files are read: the regular files directly in the output directory whose names
 * start with the output prefix's last element and not with a dot. Temporary files of an
 * exactly-once sink live in hidden directories or files and are not output.
 *
 * <p>Counting: {@code lost} is the number of expected records absent from the output;
 * {@code duplicated} the number of extra copies of records present more than once; {@code wrong}
 * the number of lines that are not a record of the input or carry a wrong amount or total. Each
 * problem is named once per run of consecutive sequence numbers of a key. Stateless.
 */
final class ChaosChecker {
  private ChaosChecker() {}

  /**
   * What the check found.
   *
   * @param records how many records an uninterrupted run outputs
   * @param lost expected records missing from the output
   * @param duplicated extra copies of records
   * @param wrong lines that are no record of the input or carry a wrong amount or total
   * @param problems one sentence per gap, run of duplicates or run of wrong lines, by key
   */
  record Report(long records, long lost, long duplicated, long wrong, List<String> problems) {
    Report {
      problems = ImmutableList.copyOf(problems);
    }

    /** Whether the output is exactly that of an uninterrupted run. */
    boolean isExactlyOnce() {
      return lost == 0 && duplicated == 0 && wrong == 0;
    }
  }

  /**
   * Checks the committed files of output prefix {@code prefix} against an uninterrupted run over
   * {@code records} records and {@code keys} keys.
   *
   * @throws UncheckedIOException if the output directory or a file cannot be read
   */
  static Report check(Path prefix, long records, int keys) {
    checkArgument(records >= 0 && keys >= 1, "records must be >= 0 and keys >= 1, got %s and %s", records, keys);
    Tally tally = new Tally(Expected.of(records, keys), records, keys);
    for (Path file : committedFiles(prefix)) {
      List<String> lines = readLines(file);
      for (int n = 0; n < lines.size(); n++) {
        tally.add(file.getFileName() + " line " + (n + 1), lines.get(n));
      }
    }
    return tally.report();
  }

  /**
   * Checks {@code lines}, read from {@code source} in that order (for example the values of a Kafka
   * topic), against an uninterrupted run over {@code records} records and {@code keys} keys;
   * problems name a line as {@code <source> record <n>}, counting from 1.
   */
  static Report checkLines(String source, List<String> lines, long records, int keys) {
    checkArgument(records >= 0 && keys >= 1, "records must be >= 0 and keys >= 1, got %s and %s", records, keys);
    Tally tally = new Tally(Expected.of(records, keys), records, keys);
    for (int n = 0; n < lines.size(); n++) {
      tally.add(source + " record " + (n + 1), lines.get(n));
    }
    return tally.report();
  }

  /** How many lines the committed files of output prefix {@code prefix} hold now. */
  static long committedLines(Path prefix) {
    long lines = 0;
    for (Path file : committedFiles(prefix)) {
      lines += readLines(file).size();
    }
    return lines;
  }

  private static List<Path> committedFiles(Path prefix) {
    Path directory = prefix.toAbsolutePath().getParent();
    String name = prefix.getFileName().toString();
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().startsWith(name) && !f.getFileName().toString().startsWith("."))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the output directory " + directory, e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read output file " + file, e);
    }
  }

  private static long gaps(int key, int[] copies, List<String> problems) {
    long lost = 0;
    for (int start = 0; start < copies.length; start++) {
      if (copies[start] == 0) {
        int end = start;
        while (end + 1 < copies.length && copies[end + 1] == 0) {
          end++;
        }
        problems.add("k" + key + " " + range(start, end) + ": lost (" + (end - start + 1) + " records)");
        lost += end - start + 1;
        start = end;
      }
    }
    return lost;
  }

  private static long duplicates(int key, int[] copies, List<String> problems) {
    long extra = 0;
    for (int start = 0; start < copies.length; start++) {
      if (copies[start] > 1) {
        int end = start;
        long extraHere = copies[start] - 1;
        while (end + 1 < copies.length && copies[end + 1] > 1) {
          end++;
          extraHere += copies[end] - 1;
        }
        problems.add("k" + key + " " + range(start, end) + ": duplicated (" + extraHere + " extra copies)");
        extra += extraHere;
        start = end;
      }
    }
    return extra;
  }

  private static long wrongLines(int key, TreeMap<Long, WrongLines> wrong, List<String> problems) {
    List<Long> seqs = new ArrayList<>(wrong.keySet());
    long lines = 0;
    for (int i = 0; i < seqs.size(); i++) {
      int j = i;
      long linesHere = wrong.get(seqs.get(i)).count;
      while (j + 1 < seqs.size() && seqs.get(j + 1) == seqs.get(j) + 1) {
        j++;
        linesHere += wrong.get(seqs.get(j)).count;
      }
      problems.add("k" + key + " " + range(seqs.get(i), seqs.get(j)) + ": wrong amount or total in "
          + linesHere + " lines, first " + wrong.get(seqs.get(i)).first);
      lines += linesHere;
      i = j;
    }
    return lines;
  }

  private static String range(long start, long end) {
    return start == end ? "seq " + start : "seq " + start + ".." + end;
  }

  /** The wrong lines of one record: how many, and where the first one is and what it says. */
  private static final class WrongLines {
    long count;
    final String first;

    WrongLines(String first) {
      this.first = first;
    }
  }

  /** What the lines read so far hold, per key and sequence number. Not thread-safe. */
  private static final class Tally {
    private final Expected expected;
    private final long records;
    private final int keys;
    private final int[][] copies;
    private final List<TreeMap<Long, WrongLines>> wrongByKey = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long strays;

    Tally(Expected expected, long records, int keys) {
      this.expected = expected;
      this.records = records;
      this.keys = keys;
      this.copies = new int[keys][];
      for (int key = 0; key < keys; key++) {
        copies[key] = new int[expected.amounts[key].length];
        wrongByKey.add(new TreeMap<>());
      }
    }

    void add(String where, String text) {
      Optional<TotalLine> parsed = TotalLine.parse(text);
      if (parsed.isEmpty() || parsed.get().key() < 0 || parsed.get().key() >= keys || parsed.get().seq() < 0
          || parsed.get().seq() >= copies[parsed.get().key()].length) {
        strays++;
        problems.add(where + ": '" + text + "' is no record of the input (" + records + " records over " + keys
            + " keys)");
        return;
      }
      TotalLine line = parsed.get();
      copies[line.key()][(int) line.seq()]++;
      String difference = expected.difference(line);
      if (!difference.isEmpty()) {
        wrongByKey.get(line.key()).computeIfAbsent(line.seq(), seq -> new WrongLines(where + ": " + difference))
            .count++;
      }
    }

    Report report() {
      long lost = 0;
      long duplicated = 0;
      long wrong = strays;
      for (int key = 0; key < keys; key++) {
        lost += gaps(key, copies[key], problems);
        duplicated += duplicates(key, copies[key], problems);
        wrong += wrongLines(key, wrongByKey.get(key), problems);
      }
      return new Report(records, lost, duplicated, wrong, problems);
    }
  }

  /** The amounts and running totals an uninterrupted run outputs, per key and sequence number. */
  private static final class Expected {
    final long[][] amounts;
    final long[][] totals;

    private Expected(long[][] amounts, long[][] totals) {
      this.amounts = amounts;
      this.totals = totals;
    }

    static Expected of(long records, int keys) {
      long[][] amounts = new long[keys][];
      long[][] totals = new long[keys][];
      for (int key = 0; key < keys; key++) {
        long count = TotalLine.countOf(key, records, keys);
        checkArgument(count <= Integer.MAX_VALUE, "too many records per key to check: %s", count);
        amounts[key] = new long[(int) count];
        totals[key] = new long[(int) count];
      }
      long[] sums = new long[keys];
      for (long i = 0; i < records; i++) {
        int key = TotalLine.keyOf(i, keys);
        int seq = (int) TotalLine.seqOf(i, keys);
        long amount = TotalLine.amountOf(Event.of(i));
        sums[key] += amount;
        amounts[key][seq] = amount;
        totals[key][seq] = sums[key];
      }
      return new Expected(amounts, totals);
    }

    /** Empty if {@code line} is right; else what is wrong with it. */
    String difference(TotalLine line) {
      long amount = amounts[line.key()][(int) line.seq()];
      long total = totals[line.key()][(int) line.seq()];
      if (line.amount() == amount && line.total() == total) {
        return "";
      }
      return "'" + line.format() + "', expected '" + new TotalLine(line.key(), line.seq(), amount, total).format() + "'";
    }
  }
}
