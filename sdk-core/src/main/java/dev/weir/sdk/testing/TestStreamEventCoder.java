package dev.weir.sdk.testing;

import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.DurationCoder;
import dev.weir.sdk.coders.InstantCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.StructuredCoder;
import dev.weir.sdk.coders.VarIntCoder;
import dev.weir.sdk.testing.TestStream.ElementEvent;
import dev.weir.sdk.testing.TestStream.Event;
import dev.weir.sdk.testing.TestStream.EventType;
import dev.weir.sdk.testing.TestStream.ProcessingTimeEvent;
import dev.weir.sdk.testing.TestStream.WatermarkEvent;
import dev.weir.sdk.values.TimestampedValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Encodes the events of a {@link TestStream}: the event type's ordinal, then the elements with
 * their timestamps, the new watermark, or the processing-time advance.
 *
 * <p>Immutable; deterministic when the element coder is.
 *
 * @param <T> the element type
 */
final class TestStreamEventCoder<T> extends StructuredCoder<Event<T>> {
  private static final long serialVersionUID = 1L;

  private final Coder<T> valueCoder;
  private final ListCoder<TimestampedValue<T>> elementsCoder;

  TestStreamEventCoder(Coder<T> valueCoder) {
    this.valueCoder = valueCoder;
    this.elementsCoder = ListCoder.of(TimestampedValue.TimestampedValueCoder.of(valueCoder));
  }

  @Override
  public void encode(Event<T> event, OutputStream out) throws IOException {
    if (event == null) {
      throw new CoderException("cannot encode a null TestStream event");
    }
    VarIntCoder.of().encode(event.getType().ordinal(), out);
    switch (event.getType()) {
      case ELEMENT -> elementsCoder.encode(((ElementEvent<T>) event).getElements(), out);
      case WATERMARK -> InstantCoder.of().encode(((WatermarkEvent<T>) event).getWatermark(), out);
      case PROCESSING_TIME -> DurationCoder.of().encode(((ProcessingTimeEvent<T>) event).getProcessingTimeAdvance(), out);
      default -> throw new CoderException("unknown TestStream event type " + event.getType());
    }
  }

  @Override
  public Event<T> decode(InputStream in) throws IOException {
    int ordinal = VarIntCoder.of().decode(in);
    if (ordinal < 0 || ordinal >= EventType.values().length) {
      throw new CoderException("unknown TestStream event type number " + ordinal);
    }
    return switch (EventType.values()[ordinal]) {
      case ELEMENT -> ElementEvent.add(elementsCoder.decode(in));
      case WATERMARK -> WatermarkEvent.advanceTo(InstantCoder.of().decode(in));
      case PROCESSING_TIME -> ProcessingTimeEvent.advanceBy(DurationCoder.of().decode(in));
    };
  }

  @Override
  public List<? extends Coder<?>> getCoderArguments() {
    return List.of(valueCoder);
  }

  @Override
  public void verifyDeterministic() throws NonDeterministicException {
    verifyDeterministic(this, "the element coder must be deterministic", valueCoder);
  }
}
