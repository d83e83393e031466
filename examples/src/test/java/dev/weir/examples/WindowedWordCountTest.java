package dev.weir.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowedWordCountTest {
  @TempDir Path dir;

  @Test
  void countsWordsSeparatelyInEachWindowTheirLinesFallIn() throws IOException {
    Path input = dir.resolve("input.txt");
    Files.writeString(input, "a b\na\n");

    // Both lines fall in one 60-minute window, so the counts are per word over the whole input.
    WindowedWordCount.main(new String[] {
        "--inputFile=" + input, "--output=" + dir.resolve("hour"), "--windowSize=60",
        "--minTimestampMillis=0", "--maxTimestampMillis=3600000"});

    assertEquals(
        List.of("[1970-01-01T00:00:00.000Z..1970-01-01T01:00:00.000Z) a: 2",
            "[1970-01-01T00:00:00.000Z..1970-01-01T01:00:00.000Z) b: 1"),
        OutputFiles.sortedLines(dir, "hour"));
  }

  @Test
  void splitsCountsOfAWordAcrossTheWindowsOfItsLines() throws IOException {
    Path input = dir.resolve("input.txt");
    Files.writeString(input, "x\nx y\n");

    // One-minute windows over an hour: the two lines land in different windows.
    WindowedWordCount.main(new String[] {
        "--inputFile=" + input, "--output=" + dir.resolve("minute"), "--windowSize=1",
        "--minTimestampMillis=0", "--maxTimestampMillis=3600000"});

    List<String> lines = OutputFiles.sortedLines(dir, "minute");
    assertEquals(3, lines.size(), lines.toString());
    assertEquals(2, lines.stream().filter(l -> l.endsWith(" x: 1")).count(), lines.toString());
    assertEquals(1, lines.stream().filter(l -> l.endsWith(" y: 1")).count(), lines.toString());
  }
}
