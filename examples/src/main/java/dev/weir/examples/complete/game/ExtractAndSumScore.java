package dev.weir.examples.complete.game;

import dev.weir.sdk.transforms.MapElements;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.Sum;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;

/**
 * Sums the scores of game actions per user or per team, in the windows and with the trigger of its
 * input: Beam's {@code UserScore.ExtractAndSumScore}.
 */
public class ExtractAndSumScore extends PTransform<PCollection<GameActionInfo>, PCollection<KV<String, Integer>>> {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Sums by {@code field}: {@code "user"} or {@code "team"}. */
  public ExtractAndSumScore(String field) {
    this.field = field;
  }

  @Override
  public PCollection<KV<String, Integer>> expand(PCollection<GameActionInfo> gameInfo) {
    return gameInfo
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
            .via((GameActionInfo gInfo) -> KV.of(gInfo.getKey(field), gInfo.score())))
        .apply(Sum.integersPerKey());
  }
}
