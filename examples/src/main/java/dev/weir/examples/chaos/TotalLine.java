package dev.weir.examples.chaos;

import static com.google.common.base.Preconditions.checkArgument;

import dev.weir.io.synthetic.Event;
import java.util.Optional;

/**
 * One line of the demonstration pipeline's output: a record of a key's sequence and the key's
 * running total once it is counted, written as {@code k<key> <seq> <amount> <total>} (for example
 * {@code k3 17 5 88}).
 *
 * <p>The input is the generator's events {@code 0 <= i < records}: event {@code i} belongs to key
 * {@code i % keys} with sequence number {@code i / keys}, and carries the amount
 * {@code signal + 1} (1 to 32). So the right output is known without running anything: key
 * {@code k} has the sequence numbers {@code 0 .. count(k) - 1}, each once, and the total at
 * sequence {@code s} is the sum of the key's amounts up to and including {@code s}.
 *
 * @param key the key's number, {@code 0 <= key < keys}
 * @param seq the record's sequence number within its key, from 0
 * @param amount what the record adds to the key's total
 * @param total the key's running total after this record
 */
record TotalLine(int key, long seq, long amount, long total) {
  /** The line as written. */
  String format() {
    return "k" + key + " " + seq + " " + amount + " " + total;
  }

  /** The line {@code text} as written by {@link #format}; empty if it is not one. */
  static Optional<TotalLine> parse(String text) {
    String[] fields = text.split(" ", -1);
    if (fields.length != 4 || !fields[0].startsWith("k")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TotalLine(Integer.parseInt(fields[0].substring(1)), Long.parseLong(fields[1]),
          Long.parseLong(fields[2]), Long.parseLong(fields[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The key of event {@code i} among {@code keys}. */
  static int keyOf(long i, int keys) {
    return (int) (i % keys);
  }

  /** The sequence number of event {@code i} within its key. */
  static long seqOf(long i, int keys) {
    return i / keys;
  }

  /** What event {@code i} adds to its key's total. */
  static long amountOf(Event event) {
    return event.signal() + 1;
  }

  /** How many of the events {@code 0 <= i < records} belong to key {@code key}. */
  static long countOf(int key, long records, int keys) {
    checkArgument(key >= 0 && key < keys, "key %s out of 0..%s", key, keys - 1);
    return records <= key ? 0 : (records - key - 1) / keys + 1;
  }
}
