package dev.weir.runtime.metrics;

import dev.weir.sdk.metrics.MetricsContainer;
import dev.weir.sdk.metrics.MetricsEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics containers of the steps of one fused chain, for the thread that pushes elements
 * through it: {@link #enter} makes a step's container current around that step's code and
 * {@link #exit}, given what {@code enter} returned, restores the one before, nesting as the chain's
 * calls nest; {@link #switchTo} switches without remembering, for a chain that knows where it
 * returns. On a {@link ContainerHoldingThread} a switch writes an index, not a reference (see there
 * why that matters per element and step); on any other thread it falls back to
 * {@link MetricsEnvironment#setCurrentContainer}.
 *
 * <p>Not thread-safe: one instance per chain and the thread running it (it may be made on
 * another); every {@link #enter} is matched by an {@link #exit} on the same thread. The array of
 * containers may be shared by the instances of several threads running copies of the same chain,
 * and must not change.
 */
public final class ChainContainers {
  /** What {@link #enter} returns when the container to restore is kept in {@link #previousContainers}. */
  private static final int KEPT = Integer.MIN_VALUE;

  private final MetricsContainer[] containers;
  /** The arrays of other chains' steps to restore, innermost last (on a holding thread). */
  private final List<MetricsContainer[]> previousArrays = new ArrayList<>();
  /** The containers to restore, innermost last (on any other thread). */
  private final List<MetricsContainer> previousContainers = new ArrayList<>();

  /** The containers of a chain's steps, by step index. */
  public ChainContainers(MetricsContainer[] containers) {
    this.containers = containers;
  }

  /**
   * Prepares the calling thread for this chain, without changing its current container: call it on
   * the thread that runs the chain, before the chain's first element. Without it the first switch
   * of a thread takes a branch that the per-element code, compiled while other threads ran the
   * same code, has never taken, and the JIT throws that compiled code away and compiles it again.
   */
  public void install() {
    if (Thread.currentThread() instanceof ContainerHoldingThread holder) {
      holder.holdSteps(containers);
    }
  }

  /**
   * Makes step {@code index}'s container the current one until the matching {@link #exit}, and
   * returns what that exit restores: a step index of this chain, -1 for the thread's plain
   * container, or a code for a container kept here.
   */
  public int enter(int index) {
    if (Thread.currentThread() instanceof ContainerHoldingThread holder) {
      int previous = holder.heldStepIndex();
      if (previous >= 0 && holder.heldSteps() != containers) {
        previousArrays.add(holder.heldSteps());
        previous = -2 - previous;
      }
      holder.holdStep(containers, index);
      return previous;
    }
    previousContainers.add(MetricsEnvironment.setCurrentContainer(containers[index]));
    return KEPT;
  }

  /** Restores the container that was current before the {@link #enter} that returned {@code previous}. */
  public void exit(int previous) {
    if (previous == KEPT) {
      MetricsEnvironment.setCurrentContainer(previousContainers.remove(previousContainers.size() - 1));
    } else if (previous <= -2) {
      ((ContainerHoldingThread) Thread.currentThread())
          .holdStep(previousArrays.remove(previousArrays.size() - 1), -2 - previous);
    } else {
      ((ContainerHoldingThread) Thread.currentThread()).holdStep(containers, previous);
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
}
