package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics containers of the steps of one fused chain, for the thread that pushes elements
 * through it: {@link #enter} makes a step's container current around that step's code and
 * {@link #exit} restores the one before, nesting as the chain's calls nest. On a
 * {@link ContainerHoldingThread} a switch writes an index, not a reference (see there why that
 * matters per element and step); on any other thread it falls back to
 * {@link MetricsEnvironment#setCurrentContainer}.
 *
 * <p>Not thread-safe: one instance per chain and the thread running it (it may be made on
 * another); every {@link #enter} is matched by an {@link #exit} on the same thread. The array of containers may be shared by the instances of
 * several threads running copies of the same chain, and must not change.
 */
public final class ChainContainers {
  private final MetricsContainer[] containers;
  /**
   * What to restore, innermost last (on a holding thread): a step index of this chain, -1 for the
   * thread's plain container, or {@code -2 - index} for a step of another chain, whose array is then
   * the last of {@link #previousArrays}.
   */
  private int[] previousSteps = new int[8];
  private final List<MetricsContainer[]> previousArrays = new ArrayList<>();
  /** The containers to restore, innermost last (on any other thread). */
  private final List<MetricsContainer> previousContainers = new ArrayList<>();
  private int depth;

  /** The containers of a chain's steps, by step index. */
  public ChainContainers(MetricsContainer[] containers) {
    this.containers = containers;
  }

  /** Makes step {@code index}'s container the current one until the matching {@link #exit}. */
  public void enter(int index) {
    if (Thread.currentThread() instanceof ContainerHoldingThread holder) {
      if (depth == previousSteps.length) {
        previousSteps = Arrays.copyOf(previousSteps, depth * 2);
      }
      int previous = holder.heldStepIndex();
      if (previous >= 0 && holder.heldSteps() != containers) {
        previousArrays.add(holder.heldSteps());
        previous = -2 - previous;
      }
      previousSteps[depth++] = previous;
      holder.holdStep(containers, index);
    } else {
      previousContainers.add(MetricsEnvironment.setCurrentContainer(containers[index]));
      depth++;
    }
  }

  /**
   * Makes step {@code index}'s container the current one without remembering the one before: for
   * a caller that always knows which step it returns to (a chain that switches back itself), at
   * the cost of an index write. Inside an open {@link #enter}, switch back to its step before its
   * {@link #exit}.
   */
  public void switchTo(int index) {
    if (Thread.currentThread() instanceof ContainerHoldingThread holder) {
      holder.holdStep(containers, index);
    } else {
      MetricsEnvironment.setCurrentContainer(containers[index]);
    }
  }

  /** Restores the container that was current before the matching {@link #enter}. */
  public void exit() {
    depth--;
    if (Thread.currentThread() instanceof ContainerHoldingThread holder) {
      int previous = previousSteps[depth];
      if (previous <= -2) {
        holder.holdStep(previousArrays.remove(previousArrays.size() - 1), -2 - previous);
      } else {
        holder.holdStep(containers, previous);
      }
    } else {
      MetricsEnvironment.setCurrentContainer(previousContainers.remove(previousContainers.size() - 1));
    }
  }
}
