package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link KvSwap}. */
class KvSwapTest {

  @Test
  void swapsTheCoderComponents() {
    PCollection<KV<Integer, String>> swapped =
        Pipeline.create().apply(Create.of(KV.of("a", 1))).apply(KvSwap.create());
    assertThat(swapped.getCoder(), equalTo(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));
  }

  /** KvSwap on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void swapsKeysAndValues() {
      PAssert.that(p.apply(Create.of(KV.of("a", 1), KV.of("b", 2))).apply(KvSwap.create()))
          .containsInAnyOrder(KV.of(1, "a"), KV.of(2, "b"));
      p.run();
    }
  }
}
