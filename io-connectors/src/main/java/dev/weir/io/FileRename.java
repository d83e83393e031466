package dev.weir.io;

import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * One file of a transactional file sink waiting to become visible: the complete temporary file and
 * the final name it is renamed to when its transaction commits.
 *
 * @param temporary the absolute path of the temporary file, complete and forced to disk
 * @param target the absolute final path
 */
record FileRename(String temporary, String target) {
  FileRename {
    Objects.requireNonNull(temporary, "temporary");
    Objects.requireNonNull(target, "target");
  }

  Path temporaryPath() {
    return Paths.get(temporary);
  }

  Path targetPath() {
    return Paths.get(target);
  }

  /** Encodes the two paths as UTF-8 strings; deterministic. A singleton; thread-safe. */
  static final class FileRenameCoder extends AtomicCoder<FileRename> {
    private static final long serialVersionUID = 1L;
    private static final FileRenameCoder INSTANCE = new FileRenameCoder();

    private FileRenameCoder() {}

    static FileRenameCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileRename value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value.temporary(), out);
      StringUtf8Coder.of().encode(value.target(), out);
    }

    @Override
    public FileRename decode(InputStream in) throws IOException {
      String temporary = StringUtf8Coder.of().decode(in);
      return new FileRename(temporary, StringUtf8Coder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
