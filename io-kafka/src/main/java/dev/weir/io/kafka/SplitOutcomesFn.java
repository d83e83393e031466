package dev.weir.io.kafka;

import dev.weir.sdk.metrics.Counter;
import dev.weir.sdk.metrics.Metrics;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.TupleTag;

/**
 * Sends each {@link ReadOutcome} to the record output or, counting it in
 * {@code KafkaIO/deserializationErrors}, to the dead-letter output. One instance per thread.
 */
final class SplitOutcomesFn<K, V> extends DoFn<ReadOutcome<K, V>, KafkaRecord<K, V>> {
  private static final long serialVersionUID = 1L;

  private final TupleTag<KafkaRecord<K, V>> recordTag;
  private final TupleTag<KafkaDeadLetter> deadLetterTag;
  private final Counter deadLetters = Metrics.counter(KafkaIO.class, "deserializationErrors");

  SplitOutcomesFn(TupleTag<KafkaRecord<K, V>> recordTag, TupleTag<KafkaDeadLetter> deadLetterTag) {
    this.recordTag = recordTag;
    this.deadLetterTag = deadLetterTag;
  }

  @ProcessElement
  public void process(@Element ReadOutcome<K, V> outcome, MultiOutputReceiver out) {
    if (outcome.record() != null) {
      out.get(recordTag).output(outcome.record());
    } else {
      deadLetters.inc();
      out.get(deadLetterTag).output(outcome.deadLetter());
    }
  }
}
