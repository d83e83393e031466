package dev.weir.sdk.transforms;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.instanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.base.Throwables;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.coders.VarLongCoder;
import dev.weir.sdk.testing.PAssert;
import dev.weir.sdk.testing.TestPipeline;
import dev.weir.sdk.testing.ValidatesRunner;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.TypeDescriptor;
import dev.weir.sdk.values.TypeDescriptors;
import java.io.IOException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link MapElements}. */
class MapElementsTest {
  private final Pipeline pipeline = Pipeline.create();

  static final class WithLength extends SimpleFunction<String, KV<String, Integer>> {
    private static final long serialVersionUID = 1L;

    @Override
    public KV<String, Integer> apply(String input) {
      return KV.of(input, input.length());
    }
  }

  static final class ToHex extends InferableFunction<Integer, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String apply(Integer input) throws Exception {
      return Integer.toHexString(input);
    }
  }

  @Test
  void outputCoderComesFromTheTypeGivenToInto() {
    PCollection<Integer> lengths = pipeline.apply(Create.of("ab"))
        .apply(MapElements.into(TypeDescriptors.integers()).via(String::length));
    assertThat(lengths.getCoder(), instanceOf(VarIntCoder.class));
  }

  @Test
  void outputCoderComesFromASimpleFunctionsTypeArguments() {
    PCollection<KV<String, Integer>> pairs = pipeline.apply(Create.of("ab"))
        .apply(MapElements.via(new WithLength()));
    assertThat(pairs.getCoder(), equalTo(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
  }

  @Test
  void outputCoderComesFromAnInferableFunctionsTypeArguments() {
    PCollection<String> upper = pipeline.apply(Create.of(1))
        .apply(MapElements.via(new ToHex()));
    assertThat(upper.getCoder(), instanceOf(StringUtf8Coder.class));
  }

  @Test
  void outputCoderComesFromATypeDeclaredAlongsideAFunction() {
    SimpleFunction<String, Integer> length =
        SimpleFunction.fromSerializableFunctionWithOutputType(String::length, TypeDescriptors.integers());
    InferableFunction<String, Long> longLength = InferableFunction.fromProcessFunctionWithOutputType(
        s -> (long) s.length(), TypeDescriptors.longs());
    PCollection<String> words = pipeline.apply(Create.of("ab"));
    assertThat(words.apply("int", MapElements.via(length)).getCoder(), instanceOf(VarIntCoder.class));
    assertThat(words.apply("long", MapElements.via(longLength)).getCoder(), instanceOf(VarLongCoder.class));
  }

  @Test
  void outputCoderOfAnUndeclaredTypeAsksForOne() {
    PCollection<Object> objects = pipeline.apply(Create.of("a"))
        .apply(MapElements.into(TypeDescriptor.of(Object.class)).via((String s) -> (Object) s));
    IllegalStateException e = assertThrows(IllegalStateException.class, objects::getCoder);
    assertThat(e.getMessage(), containsString("setCoder"));
  }

  /** MapElements on a runner. */
  @Nested
  @ValidatesRunner
  class OnARunner {
    @RegisterExtension final transient TestPipeline p = TestPipeline.create();

    @Test
    void mapsEachElementWithALambda() {
      PCollection<Integer> lengths = p.apply(Create.of("a", "bb", "", "ccc"))
          .apply(MapElements.into(TypeDescriptors.integers()).via(String::length));
      PAssert.that(lengths).containsInAnyOrder(1, 2, 0, 3);
      p.run();
    }

    @Test
    void mapsWithAnInferableFunction() {
      PCollection<String> doubled = p.apply(Create.of(10, 11, 31))
          .apply(MapElements.via(new ToHex()));
      PAssert.that(doubled).containsInAnyOrder("a", "b", "1f");
      p.run();
    }

    @Test
    void aCheckedExceptionFromTheFunctionFailsThePipeline() {
      p.apply(Create.of("ok", "bad"))
          .apply(MapElements.into(TypeDescriptors.strings()).via((ProcessFunction<String, String>) s -> {
            if (s.equals("bad")) {
              throw new IOException("cannot map 'bad'");
            }
            return s;
          }));
      PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);
      assertThat(Throwables.getCausalChain(e), hasItem(instanceOf(IOException.class)));
      assertThat(Throwables.getRootCause(e).getMessage(), equalTo("cannot map 'bad'"));
    }
  }
}
