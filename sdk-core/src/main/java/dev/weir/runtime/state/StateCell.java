package dev.weir.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The in-memory form of one state of one key and window: the user-facing state object, which can
 * also save its contents through its coders and load them back.
 *
 * <p>An empty cell (nothing written, or cleared) saves nothing: snapshots leave it out, and a
 * restored table recreates it empty on first use.
 */
interface StateCell {
  /** Whether the cell holds nothing worth saving. */
  boolean hasNothingToSave();

  /** Writes the contents, which must not be empty; self-delimiting. */
  void encode(OutputStream out) throws IOException;

  /** Replaces the contents with what {@link #encode} wrote. */
  void decode(InputStream in) throws IOException;
}
