package dev.weir.runners.continuous;

import com.google.common.collect.TreeMultiset;
import dev.weir.runtime.sideinputs.SideInputContainer;
import dev.weir.runtime.values.WindowedValue;
import dev.weir.sdk.transforms.windowing.BoundedWindow;
import dev.weir.sdk.values.PCollectionView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.joda.time.Instant;

/**
 * Main-input elements (one window each) of a subtask whose side inputs were not ready in their
 * window, kept until they are (Beam's "push back"); their earliest timestamp holds the subtask's
 * input watermark back. Owned by the subtask's thread.
 */
final class WaitingElements {
  private final List<PCollectionView<?>> views;
  private final SideInputContainer sideInputs;
  private final List<WindowedValue<?>> waiting = new ArrayList<>();
  private final TreeMultiset<Instant> timestamps = TreeMultiset.create();
  private long scannedVersion = -1;

  WaitingElements(List<PCollectionView<?>> views, SideInputContainer sideInputs) {
    this.views = List.copyOf(views);
    this.sideInputs = sideInputs;
  }

  /** Hands each window of {@code element} to {@code process} if its side inputs are ready, else keeps it. */
  void offer(WindowedValue<?> element, Consumer<WindowedValue<?>> process) {
    for (WindowedValue<?> inOneWindow : element.explodeWindows()) {
      if (isReady(inOneWindow)) {
        process.accept(inOneWindow);
      } else {
        waiting.add(inOneWindow);
        timestamps.add(inOneWindow.getTimestamp());
      }
    }
  }

  /** Hands every kept element whose side inputs became ready to {@code process}, in arrival order. */
  void retry(Consumer<WindowedValue<?>> process) {
    long version = sideInputs.version();
    if (waiting.isEmpty() || version == scannedVersion) {
      return;
    }
    scannedVersion = version;
    List<WindowedValue<?>> ready = new ArrayList<>();
    for (Iterator<WindowedValue<?>> it = waiting.iterator(); it.hasNext(); ) {
      WindowedValue<?> element = it.next();
      if (isReady(element)) {
        it.remove();
        timestamps.remove(element.getTimestamp());
        ready.add(element);
      }
    }
    ready.forEach(process);
  }

  private boolean isReady(WindowedValue<?> inOneWindow) {
    return sideInputs.allReady(views, inOneWindow.getWindows().iterator().next());
  }

  /** The kept elements, in arrival order. */
  List<WindowedValue<?>> elements() {
    return List.copyOf(waiting);
  }

  /** Keeps {@code elements} (one window each), restored from a checkpoint, as if offered and not ready. */
  void restore(List<WindowedValue<?>> elements) {
    for (WindowedValue<?> element : elements) {
      waiting.add(element);
      timestamps.add(element.getTimestamp());
    }
    scannedVersion = -1;
  }

  /** The earliest timestamp kept; the end of time if none. */
  Instant minimum() {
    return timestamps.isEmpty() ? BoundedWindow.TIMESTAMP_MAX_VALUE : timestamps.firstEntry().getElement();
  }
}
