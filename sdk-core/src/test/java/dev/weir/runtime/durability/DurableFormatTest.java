package dev.weir.runtime.durability;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.values.KV;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFormatTest {
  private static final DurableFormat<KV<String, Long>> OFFSETS_V2 =
      DurableFormat.of("offset log entry", "WOFF", 2, KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));

  @TempDir Path dir;

  @Test
  void readsBackWhatItWrote() throws IOException {
    Path file = dir.resolve("0");

    OFFSETS_V2.write(file, KV.of("numbers", 42L));

    assertThat(OFFSETS_V2.read(file), equalTo(KV.of("numbers", 42L)));
  }

  @Test
  void startsWithMarkerAndVersion() throws IOException {
    byte[] bytes = OFFSETS_V2.encode(KV.of("k", 1L));

    assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII), equalTo("WOFF"));
    assertThat(Arrays.copyOfRange(bytes, 4, 8), equalTo(new byte[] {0, 0, 0, 2}));
  }

  @Test
  void readsAnOlderVersionWithItsOwnCoder() throws IOException {
    DurableFormat<String> v1 = DurableFormat.of("note", "NOTE", 1, StringUtf8Coder.of());
    DurableFormat<String> v2 =
        DurableFormat.of("note", "NOTE", 2, new UpperCaseCoder())
            .alsoReading(1, StringUtf8Coder.of());
    Path file = dir.resolve("note");
    v1.write(file, "written by v1");

    assertThat(v2.read(file), equalTo("written by v1"));
    assertThat(v2.readableVersions(), contains(1, 2));
  }

  @Test
  void aNewerVersionFailsNamingTheFileAndTheVersions() throws IOException {
    DurableFormat<String> newer = DurableFormat.of("offset log entry", "WOFF", 3, StringUtf8Coder.of());
    Path file = dir.resolve("5");
    newer.write(file, "from the future");

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(
        e.getMessage(),
        equalTo(
            "Cannot read " + file + " as offset log entry: it has format version 3, and this build of Weir reads"
                + " versions [2] (was it written by a newer Weir?). Fix: resume with the Weir version that wrote"
                + " it, or start over with a new --checkpointDir."));
    assertThat(e.getSource(), equalTo(file.toString()));
  }

  @Test
  void aForeignFileFailsNamingTheExpectedMarker() throws IOException {
    Path file = dir.resolve("7");
    Files.writeString(file, "hello, world");

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(
        e.getMessage(),
        equalTo(
            "Cannot read " + file + " as offset log entry: it does not start with the marker 'WOFF' of that format"
                + " (found 0x68656c6c), so it is not a file Weir wrote in this format. Fix: move the file away."));
  }

  @Test
  void aFileOfAnotherFormatFailsAsForeign() throws IOException {
    Path file = dir.resolve("commit-0");
    DurableFormat.of("commit log entry", "WCOM", 1, VarLongCoder.of()).write(file, 0L);

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(e.getMessage(), containsString("does not start with the marker 'WOFF' of that format (found 0x57434f4d)"));
  }

  @Test
  void anEmptyFileFailsAsEmpty() throws IOException {
    Path file = dir.resolve("0");
    Files.write(file, new byte[0]);

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(e.getMessage(), containsString("Cannot read " + file + " as offset log entry: it is empty."));
  }

  @Test
  void aTruncatedFileFailsWithItsSizes() throws IOException {
    byte[] whole = OFFSETS_V2.encode(KV.of("numbers", 42L));
    Path file = dir.resolve("3");
    Files.write(file, Arrays.copyOf(whole, whole.length - 3));

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(
        e.getMessage(),
        equalTo(
            "Cannot read " + file + " as offset log entry: it is truncated: " + (whole.length - 3) + " bytes of the "
                + whole.length + " its header announces. Fix: the file is damaged; restore it, or start over with"
                + " a new --checkpointDir."));
  }

  @Test
  void aFileTruncatedInsideItsHeaderFails() throws IOException {
    Path file = dir.resolve("3");
    Files.write(file, Arrays.copyOf(OFFSETS_V2.encode(KV.of("k", 1L)), 6));

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(e.getMessage(), containsString("it is truncated after 6 bytes, within its header"));
  }

  @Test
  void aDamagedByteFailsTheChecksum() throws IOException {
    byte[] bytes = OFFSETS_V2.encode(KV.of("numbers", 42L));
    bytes[13] ^= 0x20;
    Path file = dir.resolve("4");
    Files.write(file, bytes);

    UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> OFFSETS_V2.read(file));

    assertThat(e.getMessage(), containsString(file + " as offset log entry: its checksum does not match its content"));
  }

  @Test
  void rejectsAMarkerThatIsNotFourCharacters() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DurableFormat.of("note", "NOTES", 1, StringUtf8Coder.of()));

    assertThat(e.getMessage(), containsString("4 printable ASCII characters, not 'NOTES'"));
  }

  /** A second encoding of strings, to tell which version's coder decoded a value. */
  private static final class UpperCaseCoder extends AtomicCoder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.toUpperCase(Locale.ROOT), out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
