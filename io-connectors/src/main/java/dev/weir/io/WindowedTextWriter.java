package dev.weir.io;

import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.joda.time.Instant;

/**
 * The writer of one shard in one transaction of a {@link WindowedTextSink}: one temporary file per
 * window and pane it receives, named {@code t<txn>-s<shard>-<uuid>} so a re-run of the same
 * transaction and shard never reuses a name. Used by one thread; {@link #prepareCommit} or
 * {@link #abort} ends it, and a failed call leaves it to be aborted.
 */
final class WindowedTextWriter implements TransactionalSink.Writer<String, List<FileRename>> {
  private final WindowedFileNames names;
  private final Path directory;
  private final String header;
  private final String footer;
  private final long transactionId;
  private final int shard;
  private final Map<WindowAndPane, TextShardWriter> files = new LinkedHashMap<>();
  private boolean done;

  WindowedTextWriter(WindowedFileNames names, Path directory, String header, String footer, long transactionId,
      int shard) {
    this.names = names;
    this.directory = directory;
    this.header = header;
    this.footer = footer;
    this.transactionId = transactionId;
    this.shard = shard;
  }

  @Override
  public void write(String element, Instant timestamp, BoundedWindow window, PaneInfo pane) throws IOException {
    checkState(!done, "transaction %s, shard %s: write after prepareCommit or abort", transactionId, shard);
    WindowAndPane key = new WindowAndPane(window, pane);
    TextShardWriter file = files.get(key);
    if (file == null) {
      String name = "t" + transactionId + "-s" + shard + "-" + UUID.randomUUID();
      file = TextShardWriter.open(directory, name, header);
      files.put(key, file);
    }
    file.writeLine(element);
  }

  @Override
  public List<FileRename> prepareCommit() throws IOException {
    checkState(!done, "transaction %s, shard %s: prepareCommit after prepareCommit or abort", transactionId, shard);
    done = true;
    List<FileRename> renames = new ArrayList<>();
    try {
      for (Map.Entry<WindowAndPane, TextShardWriter> file : files.entrySet()) {
        Path temporary = file.getValue().finish(footer);
        Path target = names.fileFor(file.getKey().window(), file.getKey().pane(), transactionId, shard);
        renames.add(new FileRename(temporary.toString(), target.toString()));
      }
    } catch (IOException | RuntimeException e) {
      // Files already finished stay behind as temporary files, which resume or startFresh delete.
      files.values().forEach(TextShardWriter::abort);
      throw e;
    }
    if (!files.isEmpty()) {
      // The manifest names these files; their directory entries must be on disk before it is.
      TransactionManifests.forceDirectory(directory);
    }
    return renames;
  }

  @Override
  public void abort() {
    done = true;
    files.values().forEach(TextShardWriter::abort);
    files.clear();
  }

  /** The key of one output file. */
  private record WindowAndPane(BoundedWindow window, PaneInfo pane) {}
}
