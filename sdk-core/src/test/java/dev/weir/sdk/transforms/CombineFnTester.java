package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;

import dev.weir.sdk.coders.CannotProvideCoderException;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderRegistry;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.transforms.Combine.CombineFn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.hamcrest.Matcher;

/**
 * Checks a {@link CombineFn} the way a runner may use it: the inputs are split into shards in
 * several ways (all in one, one per input, halves, random), each shard is accumulated, compacted
 * and sent through the accumulator coder, the shard accumulators are merged in several orders, and
 * every resulting output must satisfy the matcher. A CombineFn whose merging is not associative
 * and commutative, or whose accumulator does not survive encoding, fails here.
 */
final class CombineFnTester {
  private CombineFnTester() {}

  /** Checks {@code fn} over {@code inputs}, whose elements {@code inputCoder} encodes. */
  static <InputT, AccumT, OutputT> void testCombineFn(
      CombineFn<InputT, AccumT, OutputT> fn, List<InputT> inputs, Coder<InputT> inputCoder,
      Matcher<? super OutputT> matcher) throws CannotProvideCoderException, CoderException {
    Coder<AccumT> accumulatorCoder = fn.getAccumulatorCoder(CoderRegistry.createDefault(), inputCoder);
    for (List<List<InputT>> shards : shardings(inputs)) {
      List<AccumT> accumulators = new ArrayList<>();
      for (List<InputT> shard : shards) {
        AccumT accumulator = fn.createAccumulator();
        for (InputT input : shard) {
          accumulator = fn.addInput(accumulator, input);
        }
        accumulator = fn.compact(accumulator);
        accumulators.add(CoderUtils.decodeFromByteArray(
            accumulatorCoder, CoderUtils.encodeToByteArray(accumulatorCoder, accumulator)));
      }
      assertThat("merged in order, shards " + shards, fn.extractOutput(merge(fn, accumulators)), matcher);
      List<AccumT> reversed = new ArrayList<>();
      // Merging may reuse the first accumulator, so each order gets fresh copies.
      for (AccumT accumulator : accumulators) {
        reversed.add(CoderUtils.clone(accumulatorCoder, accumulator));
      }
      Collections.reverse(reversed);
      assertThat("merged in reverse, shards " + shards, fn.extractOutput(merge(fn, reversed)), matcher);
    }
    assertThat("apply", fn.apply(inputs), matcher);
  }

  /** Merges pairwise from the left, then all at once, to exercise both shapes of merging. */
  private static <AccumT> AccumT merge(CombineFn<?, AccumT, ?> fn, List<AccumT> accumulators) {
    if (accumulators.size() <= 2) {
      return fn.mergeAccumulators(accumulators);
    }
    AccumT left = fn.mergeAccumulators(accumulators.subList(0, 2));
    List<AccumT> rest = new ArrayList<>();
    rest.add(left);
    rest.addAll(accumulators.subList(2, accumulators.size()));
    return fn.mergeAccumulators(rest);
  }

  private static <T> List<List<List<T>>> shardings(List<T> inputs) {
    List<List<List<T>>> shardings = new ArrayList<>();
    shardings.add(List.of(inputs));
    List<List<T>> singles = new ArrayList<>();
    for (T input : inputs) {
      singles.add(List.of(input));
    }
    shardings.add(singles);
    int half = inputs.size() / 2;
    shardings.add(List.of(inputs.subList(0, half), List.of(), inputs.subList(half, inputs.size())));
    Random random = new Random(inputs.size());
    List<List<T>> randomShards = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      randomShards.add(new ArrayList<>());
    }
    for (T input : inputs) {
      randomShards.get(random.nextInt(4)).add(input);
    }
    shardings.add(randomShards);
    return shardings;
  }
}
