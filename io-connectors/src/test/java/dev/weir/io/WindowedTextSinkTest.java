package dev.weir.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.GlobalWindow;
import dev.weir.sdk.transforms.windowing.IntervalWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol of {@code TextIO.write().withWindowedWrites()} on real directories, with a
 * crash simulated at each point by dropping the sink and resuming with a new instance, as a
 * restarted JVM would.
 */
class WindowedTextSinkTest {
  private static final IntervalWindow W1 = new IntervalWindow(new Instant(0), Duration.standardMinutes(1));
  private static final IntervalWindow W2 = new IntervalWindow(new Instant(60_000), Duration.standardMinutes(1));
  private static final PaneInfo EARLY = PaneInfo.createPane(true, false, PaneInfo.Timing.EARLY, 0, -1);

  @TempDir Path dir;

  private WindowedTextSink sink() {
    return sink(WindowedTextSink.DEFAULT_RETAINED_MANIFESTS);
  }

  private WindowedTextSink sink(int retainedManifests) {
    return new WindowedTextSink(new WindowedFileNames(dir.resolve("out") + "", ".txt"), null, null, retainedManifests);
  }

  /** The visible output: each file's name (relative to dir) and lines, excluding the sink's hidden directory. */
  private Map<String, List<String>> visible() throws IOException {
    Map<String, List<String>> files = new TreeMap<>();
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path file : listing.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(dir.relativize(file).toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private List<String> temporaryFiles(WindowedTextSink sink) throws IOException {
    Path files = sink.temporaryDirectory().resolve("files");
    if (!Files.isDirectory(files)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(files)) {
      return listing.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  private static List<FileRename> write(TransactionalSink<String, List<FileRename>> sink, long txn, int shard,
      BoundedWindow window, PaneInfo pane, String... lines) throws IOException {
    TransactionalSink.Writer<String, List<FileRename>> writer = sink.openWriter(txn, shard);
    for (String line : lines) {
      writer.write(line, window.maxTimestamp(), window, pane);
    }
    return writer.prepareCommit();
  }

  private static String name(String window, String pane, long txn, int shard) {
    return String.format("out-%s-%s-t%d-s%05d.txt", window, pane, txn, shard);
  }

  private static final String W1_NAME = "1970-01-01T00:00:00.000Z-1970-01-01T00:01:00.000Z";
  private static final String W2_NAME = "1970-01-01T00:01:00.000Z-1970-01-01T00:02:00.000Z";

  @Test
  void commitMakesOneFilePerWindowAndPaneNamedByWindowPaneTransactionAndShard() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    TransactionalSink.Writer<String, List<FileRename>> writer = sink.openWriter(7, 2);
    writer.write("a", new Instant(1), W1, PaneInfo.ON_TIME_AND_ONLY_FIRING);
    writer.write("b", new Instant(61_000), W2, EARLY);
    writer.write("c", new Instant(2), W1, PaneInfo.ON_TIME_AND_ONLY_FIRING);
    List<FileRename> prepared = writer.prepareCommit();

    sink.commit(7, List.of(prepared));

    assertEquals(Map.of(
        name(W1_NAME, "pane-0-last", 7, 2), List.of("a", "c"),
        name(W2_NAME, "pane-0", 7, 2), List.of("b")), visible());
    assertEquals(List.of(), temporaryFiles(sink));
  }

  @Test
  void theGlobalWindowIsNamedGlobal() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    sink.commit(1, List.of(write(sink, 1, 0, GlobalWindow.INSTANCE, PaneInfo.NO_FIRING, "x")));

    assertEquals(Map.of(name("global", "pane-0-last", 1, 0), List.of("x")), visible());
  }

  @Test
  void aPrefixEndingInSlashPutsFilesInThatDirectoryNamedFromTheWindow() throws IOException {
    WindowedTextSink sink = new WindowedTextSink(
        new WindowedFileNames(dir.resolve("sub") + "/", ".txt"), null, null, 10);
    sink.startFresh();
    sink.commit(1, List.of(write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "x")));

    assertTrue(Files.exists(dir.resolve("sub").resolve(W1_NAME + "-pane-0-last-t1-s00000.txt")));
  }

  @Test
  void headerAndFooterFrameEveryFile() throws IOException {
    WindowedTextSink sink = new WindowedTextSink(new WindowedFileNames(dir.resolve("out") + "", ".txt"), "H", "F", 10);
    sink.startFresh();
    sink.commit(1, List.of(write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "a"),
        write(sink, 1, 1, W1, PaneInfo.NO_FIRING, "b")));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("H", "a", "F"),
        name(W1_NAME, "pane-0-last", 1, 1), List.of("H", "b", "F")), visible());
  }

  @Test
  void preparedFilesAreInvisibleUntilTheCommit() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    List<FileRename> prepared = write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "a");

    assertEquals(Map.of(), visible());
    assertEquals(1, temporaryFiles(sink).size());
    assertTrue(Files.readAllLines(prepared.get(0).temporaryPath()).contains("a"), "prepared files are complete");
  }

  @Test
  void abortDeletesWhatTheWriterWrote() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    TransactionalSink.Writer<String, List<FileRename>> writer = sink.openWriter(1, 0);
    writer.write("a", new Instant(1), W1, PaneInfo.NO_FIRING);
    writer.write("b", new Instant(61_000), W2, PaneInfo.NO_FIRING);

    writer.abort();

    assertEquals(List.of(), temporaryFiles(sink));
    assertEquals(Map.of(), visible());
  }

  @Test
  void crashAfterPrepareThenResumeWithoutTheTransactionDeletesItsFiles() throws IOException {
    WindowedTextSink crashed = sink();
    crashed.startFresh();
    write(crashed, 1, 0, W1, PaneInfo.NO_FIRING, "lost");

    WindowedTextSink restarted = sink();
    restarted.resume(new TreeMap<>());

    assertEquals(Map.of(), visible());
    assertEquals(List.of(), temporaryFiles(restarted));
  }

  @Test
  void crashAfterPrepareThenResumeWithTheTransactionPendingCommitsIt() throws IOException {
    WindowedTextSink crashed = sink();
    crashed.startFresh();
    List<FileRename> prepared = write(crashed, 1, 0, W1, PaneInfo.NO_FIRING, "kept");
    write(crashed, 2, 0, W1, PaneInfo.NO_FIRING, "never made durable by the runner");
    List<FileRename> decoded = CoderUtils.decodeFromByteArray(crashed.getCommittableCoder(),
        CoderUtils.encodeToByteArray(crashed.getCommittableCoder(), prepared));

    WindowedTextSink restarted = sink();
    restarted.resume(new TreeMap<>(Map.of(1L, List.of(decoded))));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("kept")), visible());
    assertEquals(List.of(), temporaryFiles(restarted));
  }

  @Test
  void crashAfterTheManifestIsRolledForwardByResume() throws IOException {
    WindowedTextSink crashed = sink();
    crashed.startFresh();
    List<FileRename> prepared = write(crashed, 1, 0, W1, PaneInfo.NO_FIRING, "a");
    crashed.manifests().write(1, prepared);

    WindowedTextSink restarted = sink();
    restarted.resume(new TreeMap<>());

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("a")), visible());
  }

  @Test
  void crashMidRenameIsRolledForwardByResume() throws IOException {
    WindowedTextSink crashed = sink();
    crashed.startFresh();
    List<FileRename> prepared = write(crashed, 1, 0, W1, PaneInfo.NO_FIRING, "a");
    prepared = List.of(prepared.get(0), write(crashed, 1, 1, W2, PaneInfo.NO_FIRING, "b").get(0));
    crashed.manifests().write(1, prepared);
    Files.move(prepared.get(0).temporaryPath(), prepared.get(0).targetPath(), StandardCopyOption.ATOMIC_MOVE);

    WindowedTextSink restarted = sink();
    restarted.resume(new TreeMap<>(Map.of(1L, List.of(prepared))));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("a"),
        name(W2_NAME, "pane-0-last", 1, 1), List.of("b")), visible());
    assertEquals(List.of(), temporaryFiles(restarted));
  }

  @Test
  void crashMidRenameIsRolledForwardByStartFresh() throws IOException {
    WindowedTextSink crashed = sink();
    crashed.startFresh();
    List<FileRename> prepared = write(crashed, 1, 0, W1, PaneInfo.NO_FIRING, "a");
    crashed.manifests().write(1, prepared);

    WindowedTextSink restarted = sink();
    restarted.startFresh();

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("a")), visible());
    assertEquals(new TreeSet<Long>(), restarted.manifests().transactionIds(), "startFresh forgets manifests");
  }

  @Test
  void aReRunOfACommittedTransactionIsDiscarded() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    sink.commit(1, List.of(write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "first")));

    WindowedTextSink restarted = sink();
    List<FileRename> rerun = write(restarted, 1, 0, W1, PaneInfo.NO_FIRING, "re-run");
    restarted.commit(1, List.of(rerun));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("first")), visible());
    assertFalse(Files.exists(rerun.get(0).temporaryPath()), "the re-run's file is deleted");
  }

  @Test
  void aReRunOfACommittedTransactionPendingAtResumeIsDiscarded() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    sink.commit(1, List.of(write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "first")));
    List<FileRename> rerun = write(sink, 1, 3, W2, PaneInfo.NO_FIRING, "re-run");

    WindowedTextSink restarted = sink();
    restarted.resume(new TreeMap<>(Map.of(1L, List.of(rerun))));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("first")), visible());
    assertEquals(List.of(), temporaryFiles(restarted));
  }

  @Test
  void committingTheSameCommittablesAgainChangesNothing() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    List<FileRename> prepared = write(sink, 1, 0, W1, PaneInfo.NO_FIRING, "a");
    sink.commit(1, List.of(prepared));

    sink.commit(1, List.of(prepared));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("a")), visible());
  }

  @Test
  void startFreshForgetsEarlierRunsSoTheirTransactionIdsCommitAgain() throws IOException {
    WindowedTextSink first = sink();
    first.startFresh();
    first.commit(1, List.of(write(first, 1, 0, W1, PaneInfo.NO_FIRING, "run 1")));

    WindowedTextSink second = sink();
    second.startFresh();
    second.commit(1, List.of(write(second, 1, 0, W1, PaneInfo.NO_FIRING, "run 2")));

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("run 2")), visible());
  }

  @Test
  void startFreshDeletesUncommittedLeftoversAndKeepsCommittedOutput() throws IOException {
    WindowedTextSink first = sink();
    first.startFresh();
    first.commit(1, List.of(write(first, 1, 0, W1, PaneInfo.NO_FIRING, "committed")));
    write(first, 2, 0, W1, PaneInfo.NO_FIRING, "left over");

    WindowedTextSink second = sink();
    second.startFresh();

    assertEquals(Map.of(name(W1_NAME, "pane-0-last", 1, 0), List.of("committed")), visible());
    assertEquals(List.of(), temporaryFiles(second));
  }

  @Test
  void keepsOnlyTheManifestsOfTheLastRetainedTransactions() throws IOException {
    WindowedTextSink sink = sink(2);
    sink.startFresh();
    for (long txn = 1; txn <= 4; txn++) {
      sink.commit(txn, List.of(write(sink, txn, 0, W1, PaneInfo.NO_FIRING, "t" + txn)));
    }

    assertEquals(new TreeSet<>(List.of(3L, 4L)), sink.manifests().transactionIds());
    assertEquals(4, visible().size());
  }

  @Test
  void theTemporaryDirectoryIsTheSameForEveryRunOfAnOutputAndDiffersBetweenOutputs() {
    Path a = sink().temporaryDirectory();

    assertEquals(a, sink().temporaryDirectory());
    assertEquals(dir, a.getParent());
    assertTrue(a.getFileName().toString().startsWith(".weir-sink-out-"), a.toString());
    assertFalse(a.equals(new WindowedTextSink(new WindowedFileNames(dir.resolve("out") + "", ".json"), null, null, 1)
        .temporaryDirectory()), "another suffix is another output");
  }

  @Test
  void aCorruptManifestFailsTheResumeNamingIt() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    sink.manifests().write(5, write(sink, 5, 0, W1, PaneInfo.NO_FIRING, "a"));
    Path manifest = sink.temporaryDirectory().resolve("manifests").resolve("5.manifest");
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[bytes.length - 10] ^= 1;
    Files.write(manifest, bytes);

    IOException e = assertThrows(IOException.class, () -> sink().resume(new TreeMap<>()));
    assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("checksum"), e.getMessage());
  }
  @Test
  void aManifestOfAnotherFormatVersionFailsTheStartNamingItAndTheVersion() throws IOException {
    WindowedTextSink sink = sink();
    sink.startFresh();
    sink.manifests().write(2, write(sink, 2, 0, W1, PaneInfo.NO_FIRING, "a"));
    Path manifest = sink.temporaryDirectory().resolve("manifests").resolve("2.manifest");
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[4] = (byte) (TransactionManifests.VERSION + 1);
    Files.write(manifest, bytes);

    IOException e = assertThrows(IOException.class, () -> sink().startFresh());
    assertTrue(e.getMessage().contains(manifest.toString())
        && e.getMessage().contains("format version " + (TransactionManifests.VERSION + 1)), e.getMessage());
  }
}
