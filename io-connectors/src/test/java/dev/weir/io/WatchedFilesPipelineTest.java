package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming reads of a directory ({@code watchForNewFiles}) on the test runner, with real files:
 * files that appear while the pipeline runs, a file written slowly, empty and gzip files, malformed
 * JSON lines, and a file that cannot be read.
 */
@ValidatesRunner
// A watch that never ends would hang the build: fail instead.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchedFilesPipelineTest {
  private static final Duration POLL = Duration.millis(20);
  /** How long after its last new file a watch ends, when all files are there from the start. */
  private static final Duration IDLE = Duration.millis(300);
  /**
   * The same when the pipeline itself delivers files: generous, so that a busy machine does not end
   * the watch before a delivered file is seen.
   */
  private static final Duration IDLE_WHILE_DELIVERING = Duration.millis(1500);

  @TempDir Path dir;

  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private Path writeGzip(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private TextIO.Read watch(String glob) {
    return TextIO.read().from(dir + "/" + glob).watchForNewFiles(POLL, Watch.Growth.afterTimeSinceNewOutput(IDLE));
  }

  @Test
  void takesFilesThatAppearWhileThePipelineRuns() throws IOException {
    write("1.txt", "first\n");

    // Each file's line makes the pipeline itself deliver the next file, so they appear while it runs.
    PCollection<String> lines = p.apply(TextIO.read().from(dir + "/*.txt")
            .watchForNewFiles(POLL, Watch.Growth.afterTimeSinceNewOutput(IDLE_WHILE_DELIVERING)))
        .apply(ParDo.of(new DeliverNextFileFn(dir.toString(), List.of("first", "second", "third"))));

    PAssert.that(lines).containsInAnyOrder("first", "second", "third");
    p.run();
  }

  @Test
  // The slow writer appends for about half a second, pausing a few milliseconds between lines, so the
  // first polls see it growing; the poll interval is far longer than a pause, so the file is taken
  // only when complete (WatchedTextReaderTest checks the rule itself with a manual clock).
  void readsAFileWrittenSlowlyOnlyOnceItIsComplete() throws Exception {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      expected.add("slow line " + i);
    }
    Path slow = write("slow.txt", "");
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> written = writer.submit(() -> appendSlowly(slow, expected));
      PCollection<String> lines = p.apply(TextIO.read().from(dir + "/*.txt")
          .watchForNewFiles(Duration.millis(400), Watch.Growth.afterTimeSinceNewOutput(IDLE)));

      PAssert.that(lines).containsInAnyOrder(expected);
      p.run();
      written.get();
    } finally {
      writer.shutdownNow();
    }
  }

  private static Void appendSlowly(Path file, List<String> lines) throws IOException, InterruptedException {
    for (String line : lines) {
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      Thread.sleep(5);
    }
    return null;
  }

  @Test
  void emptyFilesAddNoLines() throws IOException {
    write("a.txt", "");
    write("b.txt", "b1\n");
    write("c.txt", "");

    PAssert.that(p.apply(watch("*.txt"))).containsInAnyOrder("b1");
    p.run();
  }

  @Test
  void readsGzipAndPlainFilesAlike() throws IOException {
    writeGzip("a.txt.gz", "g1\ng2\n");
    write("b.txt", "p1\n");

    PAssert.that(p.apply(watch("*.txt*"))).containsInAnyOrder("g1", "g2", "p1");
    p.run();
  }

  @Test
  void malformedJsonLinesReachTheDeadLettersWithFileAndLineNumber() throws IOException {
    Path first = write("a.json", "{\"device\": \"d1\", \"signal\": 17, \"ts\": 1}\n{\"device\": \n");
    Path second = write("b.json", "\n{\"device\": \"d2\", \"signal\": 3, \"ts\": 2}\nnot json\n");

    JsonIO.ReadResult<JsonIOTest.Reading> read = p.apply(JsonIO.read(JsonIOTest.Reading.class)
        .from(dir + "/*.json").watchForNewFiles(POLL, Watch.Growth.afterTimeSinceNewOutput(IDLE)));

    PAssert.that(read.output())
        .containsInAnyOrder(new JsonIOTest.Reading("d1", 17, 1), new JsonIOTest.Reading("d2", 3, 2));
    PAssert.that(read.deadLetters().apply("Where", ParDo.of(new WhereFn())))
        .containsInAnyOrder(first + ":2:{\"device\": ", second + ":3:not json");
    p.run();
  }

  @Test
  void aWatchedFileThatCannotBeReadFailsTheRunNamingIt() throws IOException {
    Path broken = dir.resolve("broken.txt.gz");
    // Gzip's magic bytes, then an unknown compression method.
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0});

    p.apply(watch("*.gz"));

    Pipeline.PipelineExecutionException e = assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run());
    assertTrue(String.valueOf(e.getCause()).contains(broken.toString()), String.valueOf(e.getCause()));
  }

  @Test
  void aBoundedReadOfAFileThatCannotBeReadFailsTheRunNamingIt() throws IOException {
    Path broken = dir.resolve("broken.txt.gz");
    Files.write(broken, new byte[] {0x1f, (byte) 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0});

    p.apply(TextIO.read().from(broken.toString()));

    Pipeline.PipelineExecutionException e = assertThrows(Pipeline.PipelineExecutionException.class, () -> p.run());
    assertTrue(String.valueOf(e.getCause()).contains(broken.toString()), String.valueOf(e.getCause()));
  }

  /** A dead letter as "file:line:raw line". */
  private static final class WhereFn extends DoFn<DeadLetter, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element DeadLetter letter, OutputReceiver<String> out) {
      out.output(letter.file() + ":" + letter.lineNumber() + ":" + letter.line());
    }
  }

  /**
   * Passes lines through; on the line at index {@code i} of {@code sequence}, delivers file
   * {@code i + 2}.txt holding the line at {@code i + 1}, written aside and renamed in. A retry
   * renames the same content over it, and the watch takes a path once.
   */
  private static final class DeliverNextFileFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final String directory;
    private final List<String> sequence;

    DeliverNextFileFn(String directory, List<String> sequence) {
      this.directory = directory;
      this.sequence = List.copyOf(sequence);
    }

    @ProcessElement
    public void process(@Element String line, OutputReceiver<String> out) {
      int index = sequence.indexOf(line);
      if (index >= 0 && index + 1 < sequence.size()) {
        Path target = Paths.get(directory, (index + 2) + ".txt");
        Path aside = Paths.get(directory, "." + (index + 2) + ".pending");
        try {
          Files.writeString(aside, sequence.get(index + 1) + "\n", StandardCharsets.UTF_8);
          Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      out.output(line);
    }
  }
}
