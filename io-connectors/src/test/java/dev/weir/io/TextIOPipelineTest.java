package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.transforms.windowing.AfterPane;
import dev.weir.sdk.transforms.windowing.GlobalWindows;
import dev.weir.sdk.transforms.windowing.Repeatedly;
import dev.weir.sdk.transforms.windowing.Window;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** TextIO in real pipelines on the test runner: reading, writing, and both in a round trip. */
@ValidatesRunner
class TextIOPipelineTest {
  @TempDir Path dir;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private List<String> entries(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  /** The lines of every file {@code glob} matches, read without a runner, sorted. */
  private static List<String> sortedLinesOf(String glob) throws IOException {
    return sorted(SourceContents.read(TextSource.fromPattern(glob, Compression.AUTO)));
  }

  private static List<String> numberedLines(int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(i % 13 == 0 ? "" : "line " + i + " ü");
    }
    return lines;
  }

  @Test
  void readsEachLineAsAnElementWhateverItsTerminator() throws IOException {
    Path input = write("mixed.txt", "unix\nwindows\r\n\nold mac\rlast");

    PAssert.that(p.apply(TextIO.read().from(input.toString())))
        .containsInAnyOrder("unix", "windows", "", "old mac", "last");
    p.run();
  }

  @Test
  void readsAnEmptyFileAsAnEmptyCollection() throws IOException {
    Path input = write("empty.txt", "");

    PAssert.that(p.apply(TextIO.read().from(input.toString()))).empty();
    p.run();
  }

  @Test
  void readsALargeFileSplitByTheRunnerEachLineOnce() throws IOException {
    List<String> lines = numberedLines(20_000);
    Path input = write("large.txt", String.join("\r\n", lines) + "\r\n");

    PAssert.that(p.apply(TextIO.read().from(input.toString()))).containsInAnyOrder(lines);
    p.run();
  }

  @Test
  void readsPlainAndGzipFilesMatchedByAGlob() throws IOException {
    write("in/a.txt", "alpha\nbeta\r\n");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("in/b.txt.gz")))) {
      out.write("gamma\rdelta".getBytes(StandardCharsets.UTF_8));
    }
    write("in/skipped.csv", "no\n");

    PAssert.that(p.apply(TextIO.read().from(dir + "/in/*.{txt,gz}")))
        .containsInAnyOrder("alpha", "beta", "gamma", "delta");
    p.run();
  }

  @Test
  void writesOneFileWithoutSharding() throws IOException {
    Path input = write("input.txt", "b\na\n");

    p.apply(TextIO.read().from(input.toString()))
        .apply(TextIO.write().to(dir.resolve("out/all").toString()).withSuffix(".csv").withoutSharding());
    p.run();

    assertEquals(List.of("all.csv"), entries(dir.resolve("out")));
    assertEquals(List.of("a", "b"), sorted(Files.readAllLines(dir.resolve("out/all.csv"))));
  }

  @Test
  void roundTripsThroughAFixedNumberOfShardsWithSuffix() throws IOException {
    List<String> lines = numberedLines(1000);
    Path input = write("input.txt", String.join("\n", lines) + "\n");

    p.apply(TextIO.read().from(input.toString()))
        .apply(TextIO.write().to(dir.resolve("out/part").toString()).withSuffix(".txt").withNumShards(3));
    p.run();

    assertEquals(List.of("part-00000-of-00003.txt", "part-00001-of-00003.txt", "part-00002-of-00003.txt"),
        entries(dir.resolve("out")));
    assertEquals(sorted(lines), sortedLinesOf(dir + "/out/part-*.txt"));
  }

  @Test
  void runnerDeterminedShardingWritesEachLineOnceAndLeavesNoTemporaryFiles() throws IOException {
    List<String> lines = numberedLines(5000);
    Path input = write("input.txt", String.join("\n", lines));

    p.apply(TextIO.read().from(input.toString())).apply(TextIO.write().to(dir.resolve("out/counts").toString()));
    p.run();

    List<String> files = entries(dir.resolve("out"));
    int numShards = files.size();
    assertTrue(numShards >= 1, files.toString());
    for (int i = 0; i < numShards; i++) {
      assertEquals(String.format("counts-%05d-of-%05d", i, numShards), files.get(i), files.toString());
    }
    assertEquals(sorted(lines), sortedLinesOf(dir + "/out/counts-*"));
  }

  @Test
  void aTriggeredInputIsCommittedWholeOnceAtTheEnd() throws IOException {
    List<String> lines = numberedLines(2000);
    Path input = write("input.txt", String.join("\n", lines));

    p.apply(TextIO.read().from(input.toString()))
        .apply(Window.<String>into(new GlobalWindows())
            .triggering(Repeatedly.forever(AfterPane.elementCountAtLeast(1)))
            .discardingFiredPanes())
        .apply(TextIO.write().to(dir.resolve("out/fired").toString()));
    p.run();

    assertEquals(sorted(lines), sortedLinesOf(dir + "/out/fired-*"));
  }

  @Test
  void anEmptyInputStillWritesOneEmptyShard() throws IOException {
    Path input = write("empty.txt", "");

    p.apply(TextIO.read().from(input.toString())).apply(TextIO.write().to(dir.resolve("out/none").toString()));
    p.run();

    assertEquals(List.of("none-00000-of-00001"), entries(dir.resolve("out")));
    assertEquals(0, Files.size(dir.resolve("out/none-00000-of-00001")));
  }

  @Test
  void aFixedShardCountWritesEveryShardWithHeaderAndFooterEvenWhenEmpty() throws IOException {
    Path input = write("two.txt", "one\ntwo\n");

    p.apply(TextIO.read().from(input.toString()))
        .apply(TextIO.write().to(dir.resolve("out/s").toString()).withNumShards(4).withHeader("H").withFooter("F"));
    p.run();

    List<String> files = entries(dir.resolve("out"));
    assertEquals(4, files.size(), files.toString());
    List<String> body = new ArrayList<>();
    for (String file : files) {
      List<String> content = Files.readAllLines(dir.resolve("out").resolve(file));
      assertEquals("H", content.get(0), file);
      assertEquals("F", content.get(content.size() - 1), file);
      body.addAll(content.subList(1, content.size() - 1));
    }
    assertEquals(List.of("one", "two"), sorted(body));
  }

  @Test
  void aFailureBeforeTheCommitLeavesNoOutputFile() throws IOException {
    Path input = write("input.txt", String.join("\n", numberedLines(500)));
    Path out = Files.createDirectories(dir.resolve("out"));

    PCollection<String> lines = p.apply(TextIO.read().from(input.toString()));
    lines.apply(ParDo.of(new FailOnLineFn("line 250 ü")))
        .apply(TextIO.write().to(out.resolve("result").toString()));

    assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run());
    for (String entry : entries(out)) {
      assertTrue(entry.startsWith(".weir-temp-"), "a final file exists after a failed write: " + entry);
    }
  }

  @Test
  void aShardThatCannotBeWrittenFailsTheRunNamingTheDirectoryAndWritesNoOutput() throws IOException {
    Path input = write("input.txt", "a\nb\n");
    Path blocker = write("blocker", "a regular file where the output directory should be");

    p.apply(TextIO.read().from(input.toString())).apply(TextIO.write().to(blocker.resolve("out").toString()));

    Pipeline.PipelineExecutionException e =
        assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run());
    assertTrue(String.valueOf(e.getCause()).contains(blocker.toString()), String.valueOf(e.getCause()));
    assertEquals(List.of("blocker", "input.txt"), entries(dir));
  }

  /** Passes lines through, failing on one: a pipeline that breaks upstream of the sink. */
  private static final class FailOnLineFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String poison;

    FailOnLineFn(String poison) {
      this.poison = poison;
    }

    @ProcessElement
    public void processElement(@Element String line, OutputReceiver<String> out) {
      if (line.equals(poison)) {
        throw new IllegalStateException("poisoned line " + line);
      }
      out.output(line);
    }
  }
}
