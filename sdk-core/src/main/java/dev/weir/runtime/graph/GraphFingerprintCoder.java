package dev.weir.runtime.graph;

import com.google.common.hash.Hashing;
import dev.weir.runtime.graph.GraphFingerprint.OutputPrint;
import dev.weir.runtime.graph.GraphFingerprint.StepPrint;
import dev.weir.sdk.coders.AtomicCoder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.coders.VarIntCoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes a {@link GraphFingerprint}: the step count, then per step its full name, primitive, main
 * inputs, side inputs and outputs (name, coder identity, coder display, window coder identity), strings in UTF-8 and lists
 * prefixed by their size. Deterministic: equal fingerprints encode to equal bytes, which is what
 * {@link GraphFingerprint#hash()} is computed from.
 *
 * <p>Carries no version of its own: it is stored inside a versioned durable format, whose version
 * must change with this encoding. Immutable and thread-safe.
 */
public final class GraphFingerprintCoder extends AtomicCoder<GraphFingerprint> {
  private static final long serialVersionUID = 1L;
  private static final GraphFingerprintCoder INSTANCE = new GraphFingerprintCoder();
  private static final StringUtf8Coder STRING = StringUtf8Coder.of();
  private static final ListCoder<String> NAMES = ListCoder.of(StringUtf8Coder.of());
  private static final VarIntCoder SIZE = VarIntCoder.of();
  private static final int HASH_CHARACTERS = 16;

  private GraphFingerprintCoder() {}

  /** The coder. */
  public static GraphFingerprintCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(GraphFingerprint value, OutputStream out) throws IOException {
    SIZE.encode(value.steps().size(), out);
    for (StepPrint step : value.steps()) {
      STRING.encode(step.fullName(), out);
      STRING.encode(step.kind(), out);
      NAMES.encode(step.mainInputs(), out);
      NAMES.encode(step.sideInputs(), out);
      SIZE.encode(step.outputs().size(), out);
      for (OutputPrint output : step.outputs()) {
        STRING.encode(output.name(), out);
        STRING.encode(output.coderIdentity(), out);
        STRING.encode(output.coderDisplay(), out);
        STRING.encode(output.windowCoderIdentity(), out);
      }
    }
  }

  @Override
  public GraphFingerprint decode(InputStream in) throws IOException {
    int stepCount = decodeSize(in, "steps");
    List<StepPrint> steps = new ArrayList<>();
    for (int i = 0; i < stepCount; i++) {
      String fullName = STRING.decode(in);
      String kind = STRING.decode(in);
      List<String> mainInputs = NAMES.decode(in);
      List<String> sideInputs = NAMES.decode(in);
      int outputCount = decodeSize(in, "outputs of step '" + fullName + "'");
      List<OutputPrint> outputs = new ArrayList<>();
      for (int j = 0; j < outputCount; j++) {
        outputs.add(new OutputPrint(STRING.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in)));
      }
      steps.add(new StepPrint(fullName, kind, mainInputs, sideInputs, outputs));
    }
    return new GraphFingerprint(steps);
  }

  @Override
  public void verifyDeterministic() {}

  String hashOf(GraphFingerprint value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      encode(value, bytes);
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory failed while hashing " + value.steps().size() + " steps", e);
    }
    return Hashing.sha256().hashBytes(bytes.toByteArray()).toString().substring(0, HASH_CHARACTERS);
  }

  private static int decodeSize(InputStream in, String what) throws IOException {
    int size = SIZE.decode(in);
    if (size < 0) {
      throw new CoderException("A graph fingerprint cannot have " + size + " " + what);
    }
    return size;
  }
}
