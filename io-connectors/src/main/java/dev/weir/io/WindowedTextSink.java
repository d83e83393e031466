package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.io.TransactionalSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The exactly-once sink behind {@code TextIO.write().withWindowedWrites()}: each shard of each
 * transaction writes one temporary file per window and pane, and a transaction's commit renames
 * them to their final names (see {@link WindowedFileNames}).
 *
 * <p>Layout, under the output's stable temporary directory {@code T}: temporary files in
 * {@code T/files/} (named {@code t<txn>-s<shard>-<uuid>}), commit manifests in {@code T/manifests/}
 * (see {@link TransactionManifests}).
 *
 * <p>The protocol:
 * <ul>
 *   <li>{@link Writer#prepareCommit}: finishes each temporary file and forces it to disk; returns
 *       the list of {@link FileRename}s. Nothing is visible.
 *   <li>{@link #commit}: if the transaction has a manifest, its first commit won: the renames it
 *       lists are completed (those whose temporary file still exists) and the offered files that
 *       it does not list are deleted (a re-run's output). Otherwise the manifest is written
 *       durably <em>first</em>, then each file is renamed atomically into place and the
 *       directories forced. A crash after the manifest is rolled forward by the next
 *       {@code commit}, {@code resume} or {@code startFresh}; a crash before it leaves only
 *       temporary files, which {@code resume} deletes. Manifests of transactions more than
 *       {@code retainedManifests} ids before the last committed one are deleted, so a runner must not
 *       re-run a transaction that far back (none does: they re-run at most the transactions after
 *       their last durable point).
 *   <li>{@link #startFresh}: completes interrupted commits, then forgets every manifest and deletes
 *       every temporary file. Committed output stays.
 *   <li>{@link #resume}: completes interrupted commits, commits {@code pending} in id order, then
 *       deletes every temporary file left, which belongs to no committed transaction.
 * </ul>
 * Readers see only complete files: final names appear by atomic rename of files already on disk.
 * Thread safety: as {@link TransactionalSink} requires; writers are independent.
 */
final class WindowedTextSink extends TransactionalSink<String, List<FileRename>> {
  private static final long serialVersionUID = 1L;
  static final int DEFAULT_RETAINED_MANIFESTS = 100;

  private final WindowedFileNames names;
  private final String header;
  private final String footer;
  private final int retainedManifests;
  /** The stable temporary directory, as a string so the sink stays serializable. */
  private final String temporaryDirectory;

  WindowedTextSink(WindowedFileNames names, String header, String footer, int retainedManifests) {
    checkArgument(retainedManifests >= 1, "retainedManifests must be >= 1, got %s", retainedManifests);
    this.names = names;
    this.header = header;
    this.footer = footer;
    this.retainedManifests = retainedManifests;
    this.temporaryDirectory = names.temporaryDirectory().toString();
  }

  @Override
  public Coder<List<FileRename>> getCommittableCoder() {
    return ListCoder.of(FileRename.FileRenameCoder.of());
  }

  @Override
  public Writer<String, List<FileRename>> openWriter(long transactionId, int shard) {
    return new WindowedTextWriter(names, filesDirectory(), header, footer, transactionId, shard);
  }

  @Override
  public void commit(long transactionId, List<List<FileRename>> committables) throws IOException {
    List<FileRename> offered = new ArrayList<>();
    committables.forEach(offered::addAll);
    TransactionManifests manifests = manifests();
    Optional<List<FileRename>> recorded = manifests.read(transactionId);
    if (recorded.isPresent()) {
      rollForward(recorded.get());
      discardUnlisted(offered, recorded.get());
    } else {
      checkDistinctTargets(transactionId, offered);
      manifests.write(transactionId, offered);
      rollForward(offered);
    }
    manifests.deleteBefore(transactionId - retainedManifests + 1);
  }

  @Override
  public void startFresh() throws IOException {
    TransactionManifests manifests = manifests();
    rollForwardEveryManifest(manifests);
    manifests.deleteAll();
    deleteTemporaryFiles();
  }

  @Override
  public void resume(SortedMap<Long, List<List<FileRename>>> pending) throws IOException {
    rollForwardEveryManifest(manifests());
    for (Map.Entry<Long, List<List<FileRename>>> transaction : pending.entrySet()) {
      commit(transaction.getKey(), transaction.getValue());
    }
    deleteTemporaryFiles();
  }

  /** Where temporary files and manifests live; stable for this output. */
  Path temporaryDirectory() {
    return Path.of(temporaryDirectory);
  }

  private Path filesDirectory() {
    return temporaryDirectory().resolve("files");
  }

  TransactionManifests manifests() {
    return new TransactionManifests(temporaryDirectory().resolve("manifests"));
  }

  private void rollForwardEveryManifest(TransactionManifests manifests) throws IOException {
    for (long id : manifests.transactionIds()) {
      rollForward(manifests.read(id).orElseThrow());
    }
  }

  /**
   * Renames each file whose temporary file still exists; one that does not was renamed by an
   * earlier attempt of the same commit.
   */
  static void rollForward(List<FileRename> renames) throws IOException {
    Set<Path> directories = new TreeSet<>();
    for (FileRename rename : renames) {
      Path temporary = rename.temporaryPath();
      if (Files.exists(temporary)) {
        Path target = rename.targetPath();
        Files.createDirectories(target.getParent());
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        directories.add(target.getParent());
      }
    }
    for (Path directory : directories) {
      TransactionManifests.forceDirectory(directory);
    }
  }

  private static void discardUnlisted(List<FileRename> offered, List<FileRename> recorded) throws IOException {
    Set<String> listed = new HashSet<>();
    recorded.forEach(rename -> listed.add(rename.temporary()));
    for (FileRename rename : offered) {
      if (!listed.contains(rename.temporary())) {
        Files.deleteIfExists(rename.temporaryPath());
      }
    }
  }

  private static void checkDistinctTargets(long transactionId, List<FileRename> renames) {
    Set<String> targets = new HashSet<>();
    for (FileRename rename : renames) {
      checkState(targets.add(rename.target()),
          "Transaction %s of the windowed text sink has two files for %s: two writers used the same shard"
              + " index in one transaction, which the runner must not do", transactionId, rename.target());
    }
  }

  private void deleteTemporaryFiles() throws IOException {
    Path files = filesDirectory();
    if (!Files.isDirectory(files)) {
      return;
    }
    try (Stream<Path> listing = Files.walk(files)) {
      for (Path path : (Iterable<Path>) listing.sorted(Comparator.reverseOrder())::iterator) {
        if (!path.equals(files)) {
          Files.deleteIfExists(path);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public String toString() {
    return "WindowedTextSink(" + names.filenamePrefix() + "…" + names.suffix() + ")";
  }
}
