package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LocatedTextSource: every line once, with the right file and 1-based number, however it is split. */
class LocatedTextSourceTest {
  @TempDir Path dir;

  private static List<LocatedLine> sorted(List<LocatedLine> lines) {
    List<LocatedLine> copy = new ArrayList<>(lines);
    copy.sort(Comparator.comparing(LocatedLine::file).thenComparingLong(LocatedLine::lineNumber));
    return copy;
  }

  @Test
  void numbersTheLinesOfEachFileFromOne() throws IOException {
    Path a = Files.writeString(dir.resolve("a.txt"), "x\r\ny\n\nz", StandardCharsets.UTF_8);
    Path b = Files.writeString(dir.resolve("b.txt"), "only\n", StandardCharsets.UTF_8);
    LocatedTextSource source = new LocatedTextSource(TextSource.fromPattern(dir + "/*.txt", Compression.AUTO));

    assertEquals(List.of(
        new LocatedLine(a.toString(), 1, "x"),
        new LocatedLine(a.toString(), 2, "y"),
        new LocatedLine(a.toString(), 3, ""),
        new LocatedLine(a.toString(), 4, "z"),
        new LocatedLine(b.toString(), 1, "only")), SourceContents.read(source));
  }

  @Test
  void numbersLinesTheSameWhateverTheSplitSize() throws IOException {
    StringBuilder content = new StringBuilder();
    List<LocatedLine> expected = new ArrayList<>();
    Path file = dir.resolve("big.txt");
    for (int i = 1; i <= 300; i++) {
      String line = i % 7 == 0 ? "" : "line " + i + " é";
      expected.add(new LocatedLine(file.toString(), i, line));
      content.append(line).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
    LocatedTextSource source = new LocatedTextSource(TextSource.fromPattern(file.toString(), Compression.AUTO));

    for (long size : new long[] {1, 2, 7, 64, 1000, 1 << 20}) {
      List<LocatedTextSource> parts = source.split(size, PipelineOptionsFactory.create());
      assertEquals(expected, sorted(SourceContents.readAll(parts)), "split size " + size);
    }
  }

  @Test
  void numbersTheLinesOfAGzipFile() throws IOException {
    Path file = dir.resolve("in.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
    }
    LocatedTextSource source = new LocatedTextSource(TextSource.fromPattern(file.toString(), Compression.AUTO));

    assertEquals(List.of(new LocatedLine(file.toString(), 1, "one"), new LocatedLine(file.toString(), 2, "two")),
        SourceContents.readAll(source.split(1, PipelineOptionsFactory.create())));
  }
}
