package dev.weir.sdk.values;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.transforms.Create;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/** {@link PCollection}: names, coders and when they become fixed. */
class PCollectionTest {
  private final Pipeline p = Pipeline.create();

  static final class Identity extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String s, OutputReceiver<String> out) {
      out.output(s);
    }
  }

  /** A primitive output with no coder of its own, for testing inference. */
  private PCollection<String> primitiveOutput() {
    return PCollection.createPrimitiveOutputInternal(
        p, WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED, null);
  }

  @Test
  void isNamedAfterTheInnermostTransformThatProducedIt() {
    assertThat(p.apply("Words", Create.of("a")).getName(), equalTo("Words/Read(CreateSource).out"));
  }

  @Test
  void theOutputOfAPrimitiveIsNamedAfterItsFullName() {
    PCollection<String> out = primitiveOutput();
    out.finishSpecifyingOutput("Outer/Step", null, null);
    assertThat(out.getName(), equalTo("Outer/Step.out"));
  }

  @Test
  void aNameSetBeforeConsumptionIsKept() {
    PCollection<String> words = p.apply("Words", Create.of("a")).setName("words");
    words.apply("Id", ParDo.of(new Identity()));
    assertThat(words.getName(), equalTo("words"));
  }

  @Test
  void setNameAfterConsumptionFailsNamingTheCollection() {
    PCollection<String> words = p.apply("Words", Create.of("a"));
    words.apply("Id", ParDo.of(new Identity()));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> words.setName("other"));
    assertThat(e.getMessage(), allOf(containsString("Words/Read(CreateSource).out"), containsString("already been consumed")));
  }

  @Test
  void setCoderAfterConsumptionFailsNamingTheCollection() {
    PCollection<String> words = p.apply("Words", Create.of("a"));
    words.apply("Id", ParDo.of(new Identity()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> words.setCoder(StringUtf8Coder.of()));
    assertThat(e.getMessage(), allOf(containsString("'Words/Read(CreateSource).out'"), containsString("already been consumed")));
  }

  @Test
  void anEmptyNameFails() {
    assertThrows(IllegalArgumentException.class, () -> primitiveOutput().setName(""));
  }

  @Test
  void anExplicitCoderWinsOverTheProducersInference() {
    PCollection<String> pc = primitiveOutput();
    Coder<String> explicit = StringUtf8Coder.of();
    pc.setCoderInferenceInternal(() -> {
      throw new AssertionError("inference must not be consulted when a coder is set");
    });
    pc.setCoder(explicit);
    assertThat(pc.getCoder(), sameInstance(explicit));
  }

  @Test
  void theProducersInferenceWinsOverTheTypeDescriptor() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    PCollection<Object> pc = (PCollection) primitiveOutput();
    pc.setCoderInferenceInternal(() -> {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Coder<Object> coder = (Coder) VarIntCoder.of();
      return coder;
    });
    @SuppressWarnings({"unchecked", "rawtypes"})
    TypeDescriptor<Object> strings = (TypeDescriptor) TypeDescriptor.of(String.class);
    pc.setTypeDescriptor(strings);
    assertThat(pc.getCoder(), equalTo((Object) VarIntCoder.of()));
  }

  @Test
  void theTypeDescriptorIsUsedWhenTheProducerCannotInfer() {
    PCollection<byte[]> pc = PCollection.createPrimitiveOutputInternal(
        p, WindowingStrategy.globalDefault(), PCollection.IsBounded.BOUNDED, null);
    pc.setCoderInferenceInternal(() -> {
      throw new IllegalStateException("producer cannot tell");
    });
    pc.setTypeDescriptor(TypeDescriptor.of(byte[].class));
    assertThat(pc.getCoder(), equalTo((Object) ByteArrayCoder.of()));
  }

  @Test
  void withoutAnyWayToInferTheErrorNamesTheCollectionAndTheFix() {
    PCollection<String> pc = primitiveOutput().setName("mystery");
    IllegalStateException e = assertThrows(IllegalStateException.class, pc::getCoder);
    assertThat(e.getMessage(), allOf(
        containsString("'mystery'"), containsString("an unknown type"), containsString(".setCoder(")));
  }

  @Test
  void theProducersReasonIsReportedWhenNothingElseWorks() {
    PCollection<String> pc = primitiveOutput();
    pc.setCoderInferenceInternal(() -> {
      throw new IllegalArgumentException("the input has no KvCoder");
    });
    IllegalStateException e = assertThrows(IllegalStateException.class, pc::getCoder);
    assertThat(e.getMessage(), containsString("the input has no KvCoder"));
  }

  @Test
  void hasCoderSaysWhetherOneCanBeInferred() {
    PCollection<String> none = primitiveOutput();
    PCollection<String> typed = primitiveOutput().setTypeDescriptor(TypeDescriptor.of(String.class));
    assertThat(none.hasCoder(), is(false));
    assertThat(typed.hasCoder(), is(true));
  }

  @Test
  void isBoundedAndIsUnboundedOnlyIfBothAre() {
    assertThat(PCollection.IsBounded.BOUNDED.and(PCollection.IsBounded.BOUNDED), is(PCollection.IsBounded.BOUNDED));
    assertThat(PCollection.IsBounded.BOUNDED.and(PCollection.IsBounded.UNBOUNDED),
        is(PCollection.IsBounded.UNBOUNDED));
  }

  @Test
  void aCreatedCollectionHasTheDefaultGlobalWindowing() {
    assertThat(p.apply("Words", Create.of("a")).getWindowingStrategy(),
        equalTo((Object) WindowingStrategy.globalDefault()));
  }
}
