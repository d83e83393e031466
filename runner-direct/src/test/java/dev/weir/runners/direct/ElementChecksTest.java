package dev.weir.runners.direct;

import static dev.weir.runners.direct.TestOptions.pipeline;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.runtime.testing.ListSource;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.Pipeline.PipelineExecutionException;
import dev.weir.sdk.PipelineResult;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.io.Read;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ElementChecksTest {

  private static PCollection<MutableBox> boxes(Pipeline p) {
    return p.apply("Read", Read.from(ListSource.of(new MutableBox.BoxCoder(), List.of(new MutableBox("a")))));
  }

  /** Changes the element it is given. */
  static final class MutateInputFn extends DoFn<MutableBox, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element MutableBox box, OutputReceiver<String> out) {
      box.value = box.value + "!";
      out.output(box.value);
    }
  }

  /** Changes an element after outputting it. */
  static final class MutateOutputFn extends DoFn<MutableBox, MutableBox> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element MutableBox box, OutputReceiver<MutableBox> out) {
      MutableBox copy = new MutableBox(box.value);
      out.output(copy);
      copy.value = "changed";
    }
  }

  private static Pipeline mutatingInput(String... flags) {
    Pipeline p = pipeline(flags);
    boxes(p).apply("Mutate", ParDo.of(new MutateInputFn()));
    return p;
  }

  private static Pipeline mutatingOutput(String... flags) {
    Pipeline p = pipeline(flags);
    boxes(p).apply("Mutate", ParDo.of(new MutateOutputFn())).setCoder(new MutableBox.BoxCoder());
    return p;
  }

  @Test
  void detectsMutationOfAnInputElementNamingTheStepAndTheFix() {
    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, mutatingInput("--enforceImmutability")::run);

    assertThat(e.getCause(), instanceOf(IllegalStateException.class));
    assertThat(e.getCause().getMessage(), containsString(
        "Transform 'Mutate/ParMultiDo(MutateInputFn)' mutated an input element of PCollection 'Read.out':"
            + " it was 'Box(a)' and is now 'Box(a!)'"));
    assertThat(e.getCause().getMessage(), containsString("Fix: copy the element and change the copy"));
  }

  @Test
  void detectsMutationOfAnElementAfterItWasOutput() {
    PipelineExecutionException e =
        assertThrows(PipelineExecutionException.class, mutatingOutput("--enforceImmutability=true")::run);

    assertThat(e.getCause().getMessage(), containsString(
        "Transform 'Mutate/ParMultiDo(MutateOutputFn)' mutated an element after outputting it to PCollection"
            + " 'Mutate/ParMultiDo(MutateOutputFn).output': it was 'Box(a)' when output and is now 'Box(changed)'"));
    assertThat(e.getCause().getMessage(), containsString("Fix: output a copy"));
  }

  @Test
  void doesNotCheckMutationsByDefault() {
    assertThat(mutatingInput().run().waitUntilFinish(), is(PipelineResult.State.DONE));
    assertThat(mutatingOutput().run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }

  /** A string coder that refuses to encode "unencodable". */
  static final class RefusingCoder extends Coder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      if (value.equals("unencodable")) {
        throw new CoderException("refusing " + value);
      }
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public String toString() {
      return "RefusingCoder";
    }
  }

  /** A string coder that decodes in upper case: its round trip changes values. */
  static final class UpperCasingCoder extends Coder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in).toUpperCase(Locale.ROOT);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public String toString() {
      return "UpperCasingCoder";
    }
  }

  /** A string coder that adds "!" on every decode: no value survives its round trip. */
  static final class ExclaimingCoder extends Coder<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(String value, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(value, out);
    }

    @Override
    public String decode(InputStream in) throws IOException {
      return StringUtf8Coder.of().decode(in) + "!";
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public String toString() {
      return "ExclaimingCoder";
    }
  }

  static final class EmitFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String element, OutputReceiver<String> out) {
      out.output(element.equals("x") ? "unencodable" : element);
    }
  }

  private static Pipeline emitting(Coder<String> outputCoder, String element, String... flags) {
    Pipeline p = pipeline(flags);
    p.apply("Read", Read.from(ListSource.of(StringUtf8Coder.of(), List.of(element))))
        .apply("Emit", ParDo.of(new EmitFn())).setCoder(outputCoder);
    return p;
  }

  @Test
  void detectsAnOutputItsCoderCannotEncodeNamingStepCollectionAndCoder() {
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class,
        emitting(new RefusingCoder(), "x", "--enforceEncodability")::run);

    assertThat(e.getMessage(), containsString("Transform 'Emit/ParMultiDo(EmitFn)' failed"));
    assertThat(e.getCause(), instanceOf(IllegalArgumentException.class));
    assertThat(e.getCause().getMessage(), containsString(
        "Transform 'Emit/ParMultiDo(EmitFn)' output 'unencodable' to PCollection 'Emit/ParMultiDo(EmitFn).output',"
            + " but its coder RefusingCoder cannot encode and decode it"));
  }

  @Test
  void detectsAnOutputThatDoesNotSurviveARoundTrip() {
    PipelineExecutionException e = assertThrows(PipelineExecutionException.class,
        emitting(new UpperCasingCoder(), "hello", "--enforceEncodability")::run);

    assertThat(e.getCause().getMessage(), containsString(
        "output 'hello' to PCollection 'Emit/ParMultiDo(EmitFn).output', but its coder UpperCasingCoder"
            + " decodes it to 'HELLO', which encodes differently"));
  }

  @Test
  void checksWhatASourceReads() {
    Pipeline p = pipeline("--enforceEncodability");
    p.apply("Read", Read.from(ListSource.of(new ExclaimingCoder(), List.of("hi"))));

    PipelineExecutionException e = assertThrows(PipelineExecutionException.class, p::run);

    assertThat(e.getCause().getMessage(), containsString(
        "Transform 'Read' output 'hi!' to PCollection 'Read.out', but its coder ExclaimingCoder decodes it to 'hi!!'"));
  }

  @Test
  void doesNotCheckEncodabilityByDefault() {
    assertThat(emitting(new RefusingCoder(), "x").run().waitUntilFinish(), is(PipelineResult.State.DONE));
  }
}
