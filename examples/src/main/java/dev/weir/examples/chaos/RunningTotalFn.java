package dev.weir.examples.chaos;

import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.state.MapState;
import dev.weir.sdk.state.StateSpec;
import dev.weir.sdk.state.StateSpecs;
import dev.weir.sdk.state.ValueState;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.values.KV;

/**
 * The stateful step of the demonstration pipeline: per key, counts records in the order of their
 * sequence numbers and outputs each with the key's running total ({@link TotalLine#format()}).
 *
 * <p>Input: {@code KV(key, KV(seq, amount))}. Records of a key may arrive out of order (they come
 * from several parts of the source); one that arrives early waits in state until the sequence
 * numbers before it have arrived, so the totals do not depend on arrival order, only on the input.
 * A record whose sequence number was already counted or is already waiting was delivered twice
 * (a runner replayed input without rolling back state): it is output again as it is, with the
 * key's current total, so that a checker sees the duplicate rather than having it hidden here.
 *
 * <p>State per key: the next sequence number to count, the total so far, and the records waiting.
 */
final class RunningTotalFn extends DoFn<KV<String, KV<Long, Long>>, String> {
  private static final long serialVersionUID = 1L;

  @StateId("next")
  private final StateSpec<ValueState<Long>> nextSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("total")
  private final StateSpec<ValueState<Long>> totalSpec = StateSpecs.value(VarLongCoder.of());

  @StateId("waiting")
  private final StateSpec<MapState<Long, Long>> waitingSpec = StateSpecs.map(VarLongCoder.of(), VarLongCoder.of());

  @ProcessElement
  public void process(@Element KV<String, KV<Long, Long>> record,
      @StateId("next") ValueState<Long> next, @StateId("total") ValueState<Long> total,
      @StateId("waiting") MapState<Long, Long> waiting, OutputReceiver<String> out) {
    int key = Integer.parseInt(record.getKey().substring(1));
    long seq = record.getValue().getKey();
    long amount = record.getValue().getValue();
    long nextSeq = next.read() == null ? 0 : next.read();
    long sum = total.read() == null ? 0 : total.read();
    if (seq < nextSeq || waiting.get(seq).read() != null) {
      out.output(new TotalLine(key, seq, amount, sum).format());
      return;
    }
    waiting.put(seq, amount);
    for (Long ready = waiting.get(nextSeq).read(); ready != null; ready = waiting.get(nextSeq).read()) {
      waiting.remove(nextSeq);
      sum += ready;
      out.output(new TotalLine(key, nextSeq, ready, sum).format());
      nextSeq++;
    }
    next.write(nextSeq);
    total.write(sum);
  }
}
