package dev.weir.runners.microbatch.execution;

import dev.weir.runners.microbatch.stages.CreateViewStage;
import dev.weir.runners.microbatch.stages.KeyedStage;
import dev.weir.runners.microbatch.stages.ParDoStage;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.coders.ByteArrayCoder;
import dev.weir.sdk.coders.Coder;
import dev.weir.sdk.coders.CoderException;
import dev.weir.sdk.coders.CoderUtils;
import dev.weir.sdk.coders.KvCoder;
import dev.weir.sdk.coders.ListCoder;
import dev.weir.sdk.coders.NullableCoder;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.KV;
import dev.weir.sdk.values.PCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the stages keep between batches into bytes per step name and partition for the
 * {@link dev.weir.runners.microbatch.durability.StateStore}, and back: each partition of a keyed
 * step (its core's snapshot and the elements waiting for side inputs), the waiting elements of a
 * {@code ParDo} with side inputs (partition 0), and the contents of every view (partition 0).
 * Elements are encoded with their collection's coder and window coder.
 *
 * <p>Stateless.
 */
final class StageStates {
  private StageStates() {}

  /** The state of every stage that keeps any. */
  static Map<String, Map<Integer, byte[]>> capture(Stages stages, SideInputContainer sideInputs) {
    Map<String, Map<Integer, byte[]>> state = new HashMap<>();
    for (Stage stage : stages.all()) {
      Map<Integer, byte[]> partitions = new HashMap<>();
      if (stage instanceof KeyedStage<?, ?> keyed) {
        for (int i = 0; i < keyed.partitionCount(); i++) {
          byte[] core = keyed.snapshotPartition(i);
          if (core != null) {
            partitions.put(i, encode(keyedCoder(stage), KV.of(core, waitingOf(keyed, i))));
          }
        }
      } else if (stage instanceof ParDoStage<?, ?> parDo && !stage.step.sideInputs().isEmpty()) {
        partitions.put(0, encode(elementsCoder(stage.step.mainInput()), waitingOf(parDo)));
      } else if (stage instanceof CreateViewStage view) {
        partitions.put(0, encode(elementsCoder(stage.step.mainInput()), viewElements(view, sideInputs)));
      }
      if (!partitions.isEmpty()) {
        state.put(stage.step.fullName(), partitions);
      }
    }
    return state;
  }

  /** Puts {@code state}, as {@link #capture} made it, back into the stages. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void restore(Stages stages, SideInputContainer sideInputs, Map<String, Map<Integer, byte[]>> state) {
    for (Stage stage : stages.all()) {
      Map<Integer, byte[]> partitions = state.get(stage.step.fullName());
      if (partitions == null) {
        continue;
      }
      if (stage instanceof KeyedStage<?, ?> keyed) {
        partitions.forEach((partition, bytes) -> {
          KV<byte[], List<WindowedValue<?>>> decoded = decode(keyedCoder(stage), bytes, stage);
          keyed.restorePartition(partition, decoded.getKey(), (List) decoded.getValue());
        });
      } else if (stage instanceof ParDoStage<?, ?> parDo) {
        parDo.restoreWaiting((List) decode(elementsCoder(stage.step.mainInput()), partitions.get(0), stage));
      } else if (stage instanceof CreateViewStage view) {
        for (WindowedValue<?> element : decode(elementsCoder(stage.step.mainInput()), partitions.get(0), stage)) {
          sideInputs.restore(view.view(), element.getWindows().iterator().next(), element.getPane(),
              Collections.singletonList(element.getValue()));
        }
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<WindowedValue<?>> waitingOf(KeyedStage<?, ?> keyed, int partition) {
    return (List) keyed.waitingOf(partition);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<WindowedValue<?>> waitingOf(ParDoStage<?, ?> parDo) {
    return (List) parDo.waiting();
  }

  private static List<WindowedValue<?>> viewElements(CreateViewStage view, SideInputContainer sideInputs) {
    List<WindowedValue<?>> elements = new ArrayList<>();
    // Each element carries its window's pane, which decides what a later pane replaces after a restore.
    sideInputs.contents().getOrDefault(view.view(), Map.of()).forEach((window, contents) -> {
      for (Object value : contents.elements()) {
        elements.add(WindowedValue.of(value, BoundedWindow.TIMESTAMP_MIN_VALUE, window, contents.pane()));
      }
    });
    return elements;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Coder<List<WindowedValue<?>>> elementsCoder(PCollection<?> collection) {
    return (Coder) ListCoder.of(new WindowedValueCoder<>(collection.getCoder(),
        collection.getWindowingStrategy().getWindowFn().windowCoder()));
  }

  private static Coder<KV<byte[], List<WindowedValue<?>>>> keyedCoder(Stage stage) {
    return KvCoder.of(NullableCoder.of(ByteArrayCoder.of()), elementsCoder(stage.step.mainInput()));
  }

  private static <T> byte[] encode(Coder<T> coder, T value) {
    try {
      return CoderUtils.encodeToByteArray(coder, value);
    } catch (CoderException e) {
      throw new IllegalStateException("The state of a step could not be encoded with " + coder + ": " + e, e);
    }
  }

  private static <T> T decode(Coder<T> coder, byte[] bytes, Stage stage) {
    try {
      return CoderUtils.decodeFromByteArray(coder, bytes);
    } catch (CoderException e) {
      throw new IllegalStateException("The checkpointed state of step '" + stage.step.fullName() + "' does not"
          + " decode with " + coder + ": " + e + ". Fix: resume with the pipeline and coders that wrote it, or start"
          + " over with a new --checkpointDir.", e);
    }
  }
}
