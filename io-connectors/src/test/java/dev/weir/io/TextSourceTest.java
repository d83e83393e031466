package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.options.PipelineOptionsFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {
  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private Path writeGzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private List<String> readPattern(String pattern, Compression compression) throws IOException {
    TextSource source = TextSource.fromPattern(pattern, compression);
    source.validate();
    return SourceContents.read(source);
  }

  private List<String> readFile(Path file) throws IOException {
    return readPattern(file.toString(), Compression.AUTO);
  }

  @Test
  void endsLinesAtLineFeedCarriageReturnLineFeedAndLoneCarriageReturn() throws IOException {
    Path file = write("mixed.txt", "unix\nwindows\r\nold mac\rlast");
    assertEquals(List.of("unix", "windows", "old mac", "last"), readFile(file));
  }

  @Test
  void readsEmptyLinesAsEmptyElements() throws IOException {
    Path file = write("blank.txt", "a\n\n\r\n\rb\n");
    assertEquals(List.of("a", "", "", "", "b"), readFile(file));
  }

  @Test
  void trailingTerminatorAddsNoEmptyElement() throws IOException {
    assertEquals(List.of("a", "b"), readFile(write("t1.txt", "a\nb\n")));
    assertEquals(List.of("a", "b"), readFile(write("t2.txt", "a\r\nb\r\n")));
    assertEquals(List.of(""), readFile(write("t3.txt", "\n")));
  }

  @Test
  void readsNothingFromAnEmptyFile() throws IOException {
    assertEquals(List.of(), readFile(write("empty.txt", "")));
  }

  @Test
  void decodesUtf8() throws IOException {
    Path file = write("utf8.txt", "grüße\n日本語\n😀\n");
    assertEquals(List.of("grüße", "日本語", "😀"), readFile(file));
  }

  @Test
  void gunzipsFilesEndingInGz() throws IOException {
    Path file = writeGzip("lines.txt.gz", "one\r\ntwo\n\nthree");
    assertEquals(List.of("one", "two", "", "three"), readFile(file));
  }

  @Test
  void gunzipsAnyFileWhenToldGzip() throws IOException {
    Path file = writeGzip("lines.data", "one\ntwo\n");
    assertEquals(List.of("one", "two"), readPattern(file.toString(), Compression.GZIP));
  }

  @Test
  void gzipSettingReadsAFileWithoutGzipHeaderAsItIs() throws IOException {
    Path file = write("plain.gz", "not\ncompressed\n");
    assertEquals(List.of("not", "compressed"), readPattern(file.toString(), Compression.GZIP));
  }

  @Test
  void readsConcatenatedGzipMembers() throws IOException {
    Path first = writeGzip("a.gz", "one\ntwo\n");
    Path second = writeGzip("b.gz", "three\n");
    Path both = dir.resolve("both.gz");
    Files.write(both, Files.readAllBytes(first));
    Files.write(both, Files.readAllBytes(second), java.nio.file.StandardOpenOption.APPEND);
    assertEquals(List.of("one", "two", "three"), readFile(both));
  }

  @Test
  void readsEveryMatchedFileInNameOrder() throws IOException {
    write("part-2.txt", "c\n");
    write("part-0.txt", "a\n");
    write("part-1.txt", "b\n");
    write("other.csv", "x\n");
    assertEquals(List.of("a", "b", "c"), readPattern(dir + "/part-*.txt", Compression.AUTO));
  }

  @Test
  void mixesPlainAndGzipFilesInOneGlob() throws IOException {
    write("in/a.txt", "plain\n");
    writeGzip("in/b.txt.gz", "zipped\n");
    assertEquals(List.of("plain", "zipped"), readPattern(dir + "/in/*", Compression.AUTO));
  }

  @Test
  void splitGivesEachFileItsOwnSource() throws Exception {
    write("f1.txt", "1\n");
    write("f2.txt", "2\n");
    List<TextSource> parts = TextSource.fromPattern(dir + "/f*.txt", Compression.AUTO)
        .split(1 << 20, PipelineOptionsFactory.create());
    assertEquals(2, parts.size());
    assertEquals(List.of("1", "2"), SourceContents.readAll(parts));
  }

  @Test
  void splitsALargeFileIntoRangesThatReadEachLineExactlyOnce() throws Exception {
    List<String> expected = new ArrayList<>();
    StringBuilder content = new StringBuilder();
    String[] terminators = {"\n", "\r\n", "\r"};
    for (int i = 0; i < 5000; i++) {
      boolean empty = i % 17 == 0;
      String line = empty ? "" : "line " + i + " " + "x".repeat(i % 23);
      expected.add(line);
      // After a lone '\r', an empty line ended by '\n' would read as one "\r\n": avoid that ambiguity.
      content.append(line).append(empty ? "\r\n" : terminators[i % 3]);
    }
    Path file = write("large.txt", content.toString());

    List<TextSource> parts = TextSource.fromPattern(file.toString(), Compression.AUTO)
        .split(4096, PipelineOptionsFactory.create());

    assertTrue(parts.size() > 10, "expected many ranges, got " + parts.size());
    assertEquals(expected, SourceContents.readAll(parts));
  }

  @Test
  void everySplitPointReadsEachLineExactlyOnce() throws IOException {
    String content = "ab\r\n\r\ncd\n\ne\rf\r\rgh\r\n";
    List<String> expected = List.of("ab", "", "cd", "", "e", "f", "", "gh");
    Path file = write("small.txt", content);
    int size = content.length();
    for (int split = 0; split <= size; split++) {
      List<String> lines = new ArrayList<>();
      lines.addAll(SourceContents.read(TextSource.forRange(file, Compression.AUTO, 0, split)));
      lines.addAll(SourceContents.read(TextSource.forRange(file, Compression.AUTO, split, size)));
      assertEquals(expected, lines, "split at byte " + split);
    }
  }

  @Test
  void rangesOfOneByteTileTheFile() throws IOException {
    String content = "x\r\ny\n\rz";
    Path file = write("tiny.txt", content);
    List<String> lines = new ArrayList<>();
    for (int start = 0; start < content.length(); start++) {
      lines.addAll(SourceContents.read(TextSource.forRange(file, Compression.AUTO, start, start + 1)));
    }
    assertEquals(List.of("x", "y", "", "z"), lines);
  }

  @Test
  void doesNotSplitGzipFiles() throws Exception {
    Path file = writeGzip("big.gz", "some line\n".repeat(1000));
    List<TextSource> parts = TextSource.fromPattern(file.toString(), Compression.AUTO)
        .split(16, PipelineOptionsFactory.create());
    assertEquals(1, parts.size());
    assertEquals(1000, SourceContents.read(parts.get(0)).size());
  }

  @Test
  void estimatesSizeAsTheMatchedFilesBytes() throws Exception {
    write("s1.txt", "12345\n");
    write("s2.txt", "123\n");
    assertEquals(10, TextSource.fromPattern(dir + "/s*.txt", Compression.AUTO)
        .getEstimatedSizeBytes(PipelineOptionsFactory.create()));
  }

  @Test
  void aMissingFileFailsValidationNamingIt() {
    String missing = dir.resolve("nope.txt").toString();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextSource.fromPattern(missing, Compression.AUTO).validate());
    assertTrue(e.getMessage().contains(missing) && e.getMessage().contains("no file matched"), e.getMessage());
  }

  @Test
  void aGlobMatchingNothingFailsValidationNamingIt() throws IOException {
    write("data.csv", "x\n");
    String glob = dir + "/*.txt";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextSource.fromPattern(glob, Compression.AUTO).validate());
    assertTrue(e.getMessage().contains(glob) && e.getMessage().contains("no file matched"), e.getMessage());
  }

  @Test
  void aDirectoryGivenAsThePatternFailsSuggestingAGlob() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextSource.fromPattern(dir.toString(), Compression.AUTO).validate());
    assertTrue(e.getMessage().contains("'" + dir + "/*'"), e.getMessage());
  }

  @Test
  void aFileThatCannotBeOpenedFailsTheReadNamingIt() throws IOException {
    Path file = write("vanishing.txt", "a\n");
    TextSource source = TextSource.fromPattern(file.toString(), Compression.AUTO);
    List<TextSource> parts = source.split(1024, PipelineOptionsFactory.create());
    Files.delete(file);
    IOException e = assertThrows(IOException.class, () -> SourceContents.read(parts.get(0)));
    assertTrue(e.getMessage().contains("cannot read file '" + file + "'"), e.getMessage());
  }

  @Test
  void aCorruptGzipFileFailsTheReadNamingIt() throws IOException {
    Path file = dir.resolve("corrupt.gz");
    Files.write(file, new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    IOException e = assertThrows(IOException.class, () -> readFile(file));
    assertTrue(e.getMessage().contains("cannot read file '" + file + "'"), e.getMessage());
  }
}
