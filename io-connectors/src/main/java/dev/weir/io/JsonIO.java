package dev.weir.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.weir.sdk.Pipeline;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.StringUtf8Coder;
import dev.weir.sdk.transforms.DoFn;
import dev.weir.sdk.transforms.PTransform;
import dev.weir.sdk.transforms.ParDo;
import dev.weir.sdk.values.PBegin;
import dev.weir.sdk.values.PCollection;
import dev.weir.sdk.values.PCollectionTuple;
import dev.weir.sdk.values.PDone;
import dev.weir.sdk.values.PInput;
import dev.weir.sdk.values.POutput;
import dev.weir.sdk.values.PValue;
import dev.weir.sdk.values.TupleTag;
import dev.weir.sdk.values.TupleTagList;
import java.util.Map;
import java.util.Objects;
import org.joda.time.Duration;

/**
 * Reads and writes JSON Lines files (one JSON object per line) with Jackson, over {@link TextIO}.
 *
 * <pre>{@code
 * JsonIO.ReadResult<Reading> read = p.apply(JsonIO.read(Reading.class).from("/in/*.json.gz"));
 * read.output().apply(JsonIO.<Reading>write().to("/out/readings"));
 * read.deadLetters().apply(JsonIO.<DeadLetter>write().to("/out/bad"));
 * }</pre>
 *
 * <p><b>Reading</b> takes files as {@code TextIO.read()} does (glob, gzip, splitting by byte
 * ranges). Each line that holds one JSON object binding to the target type is an element of
 * {@link ReadResult#output()}; every other non-blank line (bad JSON, trailing tokens, a non-object,
 * a value that does not bind, such as one with a property the type does not know) becomes a
 * {@link DeadLetter} in {@link ReadResult#deadLetters()} and increments the counter
 * {@code Metrics.counter(JsonIO.class, "malformedRecords")}: it never fails the pipeline and is
 * never dropped. Whitespace-only lines hold no record and are skipped without a dead letter.
 *
 * <p><b>No polymorphic typing from input</b>: the mapper is a plain {@link ObjectMapper} with
 * default typing off and no modules, and {@link #read(Class)} refuses, when called, a target type
 * that uses {@code @JsonTypeInfo(use = Id.CLASS or Id.MINIMAL_CLASS)} anywhere in its declared
 * structure, since JSON input must not choose which classes get instantiated.
 *
 * <p><b>Coders</b>: elements get a {@link JsonCoder} (JSON text; not deterministic, so not fit as a
 * grouping key) unless {@link Read#withCoder} gives another; dead letters a {@link DeadLetterCoder}
 * (deterministic). Weir-specific: Beam has no JsonIO (its {@code JsonToRow} and
 * {@code AsJsons} transforms come closest).
 */
public final class JsonIO {
  private JsonIO() {}

  /** The mapper every JsonIO transform and {@link JsonCoder} uses: Jackson defaults, strict on trailing tokens. */
  static ObjectMapper newObjectMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    // Explicit although it is the default: input must never carry class names.
    mapper.deactivateDefaultTyping();
    return mapper;
  }

  /**
   * Reads each line as a {@code type} (a record or a Jackson-bindable class). Unknown properties
   * make a line a dead letter (Jackson's FAIL_ON_UNKNOWN_PROPERTIES; annotate the type with
   * {@code @JsonIgnoreProperties(ignoreUnknown = true)} to accept them).
   *
   * @throws IllegalArgumentException if {@code type} lets input name classes (see the class comment)
   */
  public static <T> Read<T> read(Class<T> type) {
    Objects.requireNonNull(type, "type");
    PolymorphicTypingCheck.rejectClassIds(type, "JsonIO.read(" + type.getSimpleName() + ".class)");
    return new Read<>(type, TextIO.read(), null);
  }

  /** Reads each line as a {@link JsonNode} (an {@code ObjectNode}); lines not holding a JSON object are dead letters. */
  public static Read<JsonNode> readTree() {
    return new Read<>(JsonNode.class, TextIO.read(), null);
  }

  /** Writes each element as one line of JSON; call {@link Write#to} before applying it. */
  public static <T> Write<T> write() {
    return new Write<>(TextIO.write());
  }

  /**
   * Reads JSON lines into {@link ReadResult}. Immutable: each {@code withX} returns a copy.
   *
   * @param <T> the type each line binds to
   */
  public static final class Read<T> extends PTransform<PBegin, ReadResult<T>> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    /** The underlying text read: files, compression, and watching with its timestamp policy. */
    private final TextIO.Read text;
    private final Coder<T> coder;

    private Read(Class<T> type, TextIO.Read text, Coder<T> coder) {
      this.type = type;
      this.text = text;
      this.coder = coder;
    }

    /** Reads the file, or the files the glob matches, named by {@code filepattern}, as {@link TextIO.Read#from}. */
    public Read<T> from(String filepattern) {
      checkArgument(filepattern != null && !filepattern.isEmpty(),
          "JsonIO.read().from(): the file pattern must not be empty");
      return new Read<>(type, text.from(filepattern), coder);
    }

    /** Reads the files as compressed with {@code compression}; AUTO (the default) goes by extension. */
    public Read<T> withCompression(Compression compression) {
      return new Read<>(type, text.withCompression(Objects.requireNonNull(compression, "compression")), coder);
    }

    /**
     * Makes this an unbounded read of the files appearing under the pattern, as
     * {@link TextIO.Read#watchForNewFiles} (same rule for when a file is taken); dead letters still
     * carry file and line number, which survive checkpoints.
     */
    public Read<T> watchForNewFiles(Duration pollInterval, Watch.TerminationCondition terminationCondition) {
      return new Read<>(type, text.watchForNewFiles(pollInterval, terminationCondition), coder);
    }

    /**
     * Stamps the lines of a watching read with {@code policy}, which sees the raw line (parse the
     * event time out of it); see {@link TextIO.Read#withTimestampPolicy}. A line the policy fails
     * on fails the read, so make the policy's function tolerate malformed lines (return a fallback
     * timestamp, say) when the input may hold them.
     */
    public Read<T> withTimestampPolicy(TimestampPolicy<String> policy) {
      return new Read<>(type, text.withTimestampPolicy(policy), coder);
    }

    /** Encodes the parsed elements with {@code coder} instead of {@link JsonCoder}, e.g. a deterministic one. */
    public Read<T> withCoder(Coder<T> coder) {
      return new Read<>(type, text, Objects.requireNonNull(coder, "coder"));
    }

    @Override
    public ReadResult<T> expand(PBegin input) {
      checkState(text.getFilepattern() != null, "JsonIO.read() has no file to read: call .from(\"path/or/glob\") on it");
      TupleTag<T> outputTag = new TupleTag<>("output");
      TupleTag<DeadLetter> deadLetterTag = new TupleTag<>("deadLetters");
      PCollectionTuple parsed = input
          .apply("ReadLines", text.withLocation())
          .apply("Parse", ParDo.of(new ParseJsonFn<>(type, outputTag, deadLetterTag))
              .withOutputTags(outputTag, TupleTagList.of(deadLetterTag)));
      parsed.get(outputTag).setCoder(coder != null ? coder : JsonCoder.of(type));
      parsed.get(deadLetterTag).setCoder(DeadLetterCoder.of());
      return new ReadResult<>(parsed, outputTag, deadLetterTag);
    }

    @Override
    protected String getKindString() {
      return "JsonIO.Read";
    }
  }

  /**
   * The output of {@link Read}: the parsed elements and the dead letters, two PCollections of one
   * step (the shape of Beam's {@code WithFailures.Result}). Immutable.
   *
   * @param <T> the type of the parsed elements
   */
  public static final class ReadResult<T> implements POutput {
    private final PCollectionTuple tuple;
    private final TupleTag<T> outputTag;
    private final TupleTag<DeadLetter> deadLetterTag;

    private ReadResult(PCollectionTuple tuple, TupleTag<T> outputTag, TupleTag<DeadLetter> deadLetterTag) {
      this.tuple = tuple;
      this.outputTag = outputTag;
      this.deadLetterTag = deadLetterTag;
    }

    /** The elements of the lines that parsed and bound. */
    public PCollection<T> output() {
      return tuple.get(outputTag);
    }

    /** One {@link DeadLetter} per line that did not. */
    public PCollection<DeadLetter> deadLetters() {
      return tuple.get(deadLetterTag);
    }

    @Override
    public Pipeline getPipeline() {
      return tuple.getPipeline();
    }

    @Override
    public Map<TupleTag<?>, PValue> expand() {
      return tuple.expand();
    }

    @Override
    public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {
      tuple.finishSpecifyingOutput(transformName, input, transform);
    }
  }

  /**
   * Writes each element as one line of JSON text through {@link TextIO.Write}, whose options it
   * mirrors; with {@link #withWindowedWrites} through the same exactly-once windowed sink. An
   * element Jackson cannot serialize fails the write, naming the element's class.
   * Immutable.
   *
   * @param <T> the type of the elements written
   */
  public static final class Write<T> extends PTransform<PCollection<T>, PDone> {
    private static final long serialVersionUID = 1L;

    private final TextIO.Write text;

    private Write(TextIO.Write text) {
      this.text = text;
    }

    /** Writes to files whose names start with {@code filenamePrefix}; see {@link TextIO.Write#to}. */
    public Write<T> to(String filenamePrefix) {
      return new Write<>(text.to(filenamePrefix));
    }

    /** See {@link TextIO.Write#withSuffix}. */
    public Write<T> withSuffix(String suffix) {
      return new Write<>(text.withSuffix(suffix));
    }

    /** See {@link TextIO.Write#withNumShards}. */
    public Write<T> withNumShards(int numShards) {
      return new Write<>(text.withNumShards(numShards));
    }

    /** See {@link TextIO.Write#withoutSharding}. */
    public Write<T> withoutSharding() {
      return new Write<>(text.withoutSharding());
    }

    /**
     * Writes each window and pane to its own files, committed exactly once; required for unbounded
     * input. See {@link TextIO.Write#withWindowedWrites}.
     */
    public Write<T> withWindowedWrites() {
      return new Write<>(text.withWindowedWrites());
    }

    @Override
    public PDone expand(PCollection<T> input) {
      checkState(text.getFilenamePrefix() != null, "JsonIO.write() has no output: call .to(\"path/prefix\") on it");
      checkArgument(input.isBounded() == PCollection.IsBounded.BOUNDED || text.isWindowedWrites(),
          "JsonIO.write().to(\"%s\") got the unbounded PCollection '%s', which never ends, so its files would never"
              + " be committed. Fix: add .withWindowedWrites(), which commits each window and pane to its own files"
              + " exactly once", text.getFilenamePrefix(), input.getName());
      return input.apply("ToJson", ParDo.of(new FormatJsonFn<T>()))
          .setCoder(StringUtf8Coder.of())
          .apply("WriteLines", text);
    }

    @Override
    protected String getKindString() {
      return "JsonIO.Write";
    }
  }

  /** Serializes each element to one line of JSON with JsonIO's mapper. */
  private static final class FormatJsonFn<T> extends DoFn<T, String> {
    private static final long serialVersionUID = 1L;
    private transient ObjectWriter writer;

    @Setup
    public void setup() {
      writer = newObjectMapper().writer();
    }

    @ProcessElement
    public void process(@Element T element, OutputReceiver<String> out) {
      try {
        // Jackson escapes control characters in strings, so one value is always one line.
        out.output(writer.writeValueAsString(element));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("JsonIO.write(): cannot serialize a " + element.getClass().getName()
            + " to JSON: " + e.getOriginalMessage() + ". Fix: make it a record or a bean Jackson can serialize", e);
      }
    }
  }
}
