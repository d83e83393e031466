package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WithKeys}. */
class WithKeysTest {
  private final Pipeline pipeline = Pipeline.create();

  @Test
  void aConstantKeyGivesTheKeyCoder() {
    PCollection<KV<String, Integer>> keyed = pipeline.apply(Create.of(1)).apply(WithKeys.of("k"));
    assertThat(keyed.getCoder(), equalTo(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
  }

  @Test
  void aLambdaNeedsAKeyTypeAndTheErrorSaysSo() {
    PCollection<KV<Integer, String>> keyed =
        pipeline.apply(Create.of("a")).apply(WithKeys.of((String s) -> s.length()));
    IllegalStateException e = assertThrows(IllegalStateException.class, keyed::getCoder);
    assertThat(e.getMessage(), allOf(containsString("WithKeys"), containsString(".withKeyType(TypeDescriptor)")));
  }

  /** Keys a string by its length, declaring Integer keys through its type arguments. */
  static final class Length extends SimpleFunction<String, Integer> {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer apply(String input) {
      return input.length();
    }
  }

  @Test
  void aSimpleFunctionGivesTheKeyCoderThroughItsTypeArguments() {
    PCollection<KV<Integer, String>> keyed = pipeline.apply(Create.of("a")).apply(WithKeys.of(new Length()));
    assertThat(keyed.getCoder(), equalTo(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));
  }

  @Test
  void withKeyTypeGivesTheKeyCoder() {
    PCollection<KV<Integer, String>> keyed = pipeline.apply(Create.of("a"))
        .apply(WithKeys.of((String s) -> s.length()).withKeyType(TypeDescriptors.integers()));
    assertThat(keyed.getCoder(), equalTo(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of())));
  }

  /** WithKeys on a runner. */
  @Nested
  @ValidatesRunner
  @SuppressWarnings("unchecked") // PAssert and Create take generic varargs (KV, List) here
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void keysEachElementByTheFunction() {
      PCollection<KV<Integer, String>> keyed = p.apply(Create.of("a", "bb", "cc"))
          .apply(WithKeys.of((String s) -> s.length()).withKeyType(TypeDescriptors.integers()));
      PAssert.that(keyed).containsInAnyOrder(KV.of(1, "a"), KV.of(2, "bb"), KV.of(2, "cc"));
      p.run();
    }

    @Test
    void keysEveryElementByAConstant() {
      PAssert.that(p.apply(Create.of(1, 2)).apply(WithKeys.of("k"))).containsInAnyOrder(KV.of("k", 1), KV.of("k", 2));
      p.run();
    }

    @Test
    void aNullKeyWorksWithAKeyTypeThatHasANullCoder() {
      PCollection<KV<Void, Integer>> keyed =
          p.apply(Create.of(7)).apply(WithKeys.<Void, Integer>of((Void) null).withKeyType(TypeDescriptors.voids()));
      PAssert.that(keyed).containsInAnyOrder(KV.of(null, 7));
      p.run();
    }
  }
}
