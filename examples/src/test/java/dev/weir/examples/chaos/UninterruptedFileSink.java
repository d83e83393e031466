package dev.weir.examples.chaos;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.TransactionalSink;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.transforms.windowing.PaneInfo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedMap;
import org.joda.time.Instant;

/**
 * A test-only file sink for runs that are not killed: each shard of each transaction writes a
 * hidden temporary file, and the commit renames it to {@code <prefix>-t<transaction>-s<shard>}.
 * It is not crash-safe (a commit interrupted half-way is not completed by {@link #resume}); the
 * chaos pipeline's real output is {@code TextIO.write().withWindowedWrites()}.
 */
final class UninterruptedFileSink extends TransactionalSink<String, String> {
  private static final long serialVersionUID = 1L;

  private final String prefix;

  UninterruptedFileSink(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Coder<String> getCommittableCoder() {
    return StringUtf8Coder.of();
  }

  @Override
  public Writer<String, String> openWriter(long transactionId, int shard) throws IOException {
    Path target = Paths.get(prefix + "-t" + transactionId + "-s" + shard);
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
    return new Writer<>() {
      @Override
      public void write(String element, Instant timestamp, BoundedWindow window, PaneInfo pane) throws IOException {
        out.write(element);
        out.write('\n');
      }

      @Override
      public String prepareCommit() throws IOException {
        out.close();
        return temp.toString();
      }

      @Override
      public void abort() {
        try {
          out.close();
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // Best effort, as the contract says; a leftover hidden file is not output.
        }
      }
    };
  }

  @Override
  public void commit(long transactionId, List<String> committables) throws IOException {
    for (String committable : committables) {
      Path temp = Paths.get(committable);
      Path target = temp.resolveSibling(temp.getFileName().toString().replaceFirst("^\\.", "").replaceFirst("\\.tmp$", ""));
      if (Files.exists(temp)) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  @Override
  public void startFresh() throws IOException {
    Files.createDirectories(Paths.get(prefix).toAbsolutePath().getParent());
  }

  @Override
  public void resume(SortedMap<Long, List<String>> pending) throws IOException {
    for (var transaction : pending.entrySet()) {
      commit(transaction.getKey(), transaction.getValue());
    }
  }
}
