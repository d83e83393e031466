package dev.weir.runtime.durability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFileTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> namesIn(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesANewFileAndLeavesNoTemporaryBehind() throws IOException {
    Path file = dir.resolve("offsets-0");

    DurableFile.write(file, bytes("first"));

    assertThat(DurableFile.read(file), equalTo(bytes("first")));
    assertThat(namesIn(dir), contains("offsets-0"));
  }

  @Test
  void newContentReplacesOldContent() throws IOException {
    Path file = dir.resolve("state");
    DurableFile.write(file, bytes("a long old content"));

    DurableFile.write(file, bytes("new"));

    assertThat(DurableFile.read(file), equalTo(bytes("new")));
    assertThat(namesIn(dir), contains("state"));
  }

  @Test
  void aCrashedWriteLeavesTheOldContentAndItsTemporaryIsOverwrittenByTheNextWrite() throws IOException {
    Path file = dir.resolve("state");
    DurableFile.write(file, bytes("old"));
    // What a crash between writing the temporary file and renaming it leaves behind.
    Path leftover = dir.resolve(".state.weir-tmp");
    Files.write(leftover, bytes("half of a much longer new cont"));

    assertThat(DurableFile.read(file), equalTo(bytes("old")));
    DurableFile.write(file, bytes("new"));

    assertThat(DurableFile.read(file), equalTo(bytes("new")));
    assertThat(namesIn(dir), contains("state"));
  }

  @Test
  void deleteLeftoversRemovesOnlyTemporaryFiles() throws IOException {
    DurableFile.write(dir.resolve("0"), bytes("zero"));
    Files.write(dir.resolve(".1.weir-tmp"), bytes("crashed"));
    Files.write(dir.resolve("notes.txt"), bytes("a user's file"));

    List<Path> deleted = DurableFile.deleteLeftovers(dir);

    assertThat(deleted, contains(dir.resolve(".1.weir-tmp")));
    assertThat(namesIn(dir), contains("0", "notes.txt"));
  }

  @Test
  void recognisesTemporaryFilesByName() {
    assertThat(DurableFile.isTemporary(dir.resolve(".7.weir-tmp")), is(true));
    assertThat(DurableFile.isTemporary(dir.resolve("7")), is(false));
    assertThat(DurableFile.isTemporary(dir.resolve(".hidden")), is(false));
  }

  @Test
  void refusesATargetNamedLikeATemporaryFile() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DurableFile.write(dir.resolve(".x.weir-tmp"), bytes("x")));

    assertThat(e.getMessage(), containsString(".x.weir-tmp has the name of a temporary file"));
  }

  @Test
  void failsWithoutTouchingAnythingWhenTheDirectoryIsMissing() {
    Path file = dir.resolve("missing").resolve("0");

    assertThrows(IOException.class, () -> DurableFile.write(file, bytes("x")));
    assertThat(Files.exists(dir.resolve("missing")), is(false));
  }
}
