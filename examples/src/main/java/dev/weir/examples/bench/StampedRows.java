package dev.weir.examples.bench;

import java.util.Arrays;

/**
 * Rows a measuring sink received, each with when it was written and, once its transaction
 * committed, when it became visible: a growable column store of longs, so that a million rows cost
 * a few arrays rather than a million objects.
 *
 * <p>Not thread-safe: a writer fills one, and the recorder appends to its own under its lock.
 */
final class StampedRows {
  private long[] dueIndex = new long[64];
  private long[] rowHash = new long[64];
  private long[] windowEnd = new long[64];
  private long[] pane = new long[64];
  private long[] writeMicros = new long[64];
  private long[] commitMicros = new long[64];
  private int size;

  int size() {
    return size;
  }

  /** Appends a row written at {@code writeMicros}, not yet committed; {@code pane} is {@link #pane}'s encoding. */
  void add(LatencyRow row, long pane, long writeMicros) {
    ensureRoom();
    dueIndex[size] = row.dueIndex();
    rowHash[size] = row.rowHash();
    windowEnd[size] = row.windowEnd();
    this.pane[size] = pane;
    this.writeMicros[size] = writeMicros;
    commitMicros[size] = -1;
    size++;
  }

  /** Appends every row of {@code other}, stamped as committed at {@code commitMicros}. */
  void addAllCommitted(StampedRows other, long commitMicros) {
    for (int k = 0; k < other.size; k++) {
      ensureRoom();
      dueIndex[size] = other.dueIndex[k];
      rowHash[size] = other.rowHash[k];
      windowEnd[size] = other.windowEnd[k];
      pane[size] = other.pane[k];
      writeMicros[size] = other.writeMicros[k];
      this.commitMicros[size] = commitMicros;
      size++;
    }
  }

  long dueIndex(int k) {
    return dueIndex[k];
  }

  long rowHash(int k) {
    return rowHash[k];
  }

  long windowEnd(int k) {
    return windowEnd[k];
  }

  /** The row's pane as {@code index * 4 + timing ordinal}: one long per row instead of a PaneInfo. */
  long pane(int k) {
    return pane[k];
  }

  long writeMicros(int k) {
    return writeMicros[k];
  }

  long commitMicros(int k) {
    return commitMicros[k];
  }

  private void ensureRoom() {
    if (size == dueIndex.length) {
      int grown = size * 2;
      dueIndex = Arrays.copyOf(dueIndex, grown);
      rowHash = Arrays.copyOf(rowHash, grown);
      windowEnd = Arrays.copyOf(windowEnd, grown);
      pane = Arrays.copyOf(pane, grown);
      writeMicros = Arrays.copyOf(writeMicros, grown);
      commitMicros = Arrays.copyOf(commitMicros, grown);
    }
  }
}
