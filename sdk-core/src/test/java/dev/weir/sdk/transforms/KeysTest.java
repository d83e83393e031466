package dev.weir.sdk.transforms;

import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Keys}. */
@ValidatesRunner
class KeysTest {
  @RegisterExtension final transient TestPipeline p = TestPipeline.create();

  @Test
  void takesTheKeyOfEachPairKeepingDuplicates() {
    PAssert.that(p.apply(Create.of(KV.of("a", 1), KV.of("b", 2), KV.of("a", 3))).apply(Keys.create()))
        .containsInAnyOrder("a", "b", "a");
    p.run();
  }
}
