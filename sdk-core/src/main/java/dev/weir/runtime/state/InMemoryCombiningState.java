package dev.weir.runtime.state;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.state.CombiningState;
import dev.weir.sdk.state.ReadableState;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A {@link CombiningState} held in memory as one accumulator, plus whether anything was added
 * since creation or the last clear. Encoded as the accumulator; an empty state is not encoded.
 */
final class InMemoryCombiningState<InputT, AccumT, OutputT>
    implements CombiningState<InputT, AccumT, OutputT>, StateCell {
  private final Coder<AccumT> accumCoder;
  private final CombineFn<InputT, AccumT, OutputT> combineFn;
  private AccumT accum;
  private boolean empty;

  InMemoryCombiningState(Coder<AccumT> accumCoder, CombineFn<InputT, AccumT, OutputT> combineFn) {
    this.accumCoder = accumCoder;
    this.combineFn = combineFn;
    clear();
  }

  @Override
  public void add(InputT value) {
    accum = combineFn.addInput(accum, value);
    empty = false;
  }

  @Override
  public void addAccum(AccumT accumulator) {
    accum = combineFn.mergeAccumulators(Arrays.asList(accum, accumulator));
    empty = false;
  }

  @Override
  public AccumT getAccum() {
    return accum;
  }

  @Override
  public AccumT mergeAccumulators(Iterable<AccumT> accumulators) {
    return combineFn.mergeAccumulators(accumulators);
  }

  @Override
  public OutputT read() {
    return combineFn.extractOutput(accum);
  }

  @Override
  public ReadableState<Boolean> isEmpty() {
    return LazyReads.of(() -> empty);
  }

  @Override
  public void clear() {
    accum = combineFn.createAccumulator();
    empty = true;
  }

  @Override
  public InMemoryCombiningState<InputT, AccumT, OutputT> readLater() {
    return this;
  }

  @Override
  public boolean hasNothingToSave() {
    return empty;
  }

  @Override
  public void encode(OutputStream out) throws IOException {
    accumCoder.encode(accum, out);
  }

  @Override
  public void decode(InputStream in) throws IOException {
    accum = accumCoder.decode(in);
    empty = false;
  }

  @Override
  public String toString() {
    return "CombiningState(" + (empty ? "empty" : accum) + ")";
  }
}
