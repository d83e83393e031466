package dev.weir.examples.compare;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak of the heap in use while it watches: the heap is fullest just before a collection, so
 * each collection's "usage before" over all heap pools is a peak; the largest of those, and of the
 * heap in use when watching stops, is the answer. Unlike a sum of each pool's own peak, pools that
 * peaked at different moments are not added up.
 *
 * <p>Thread-safe: the JVM reports collections from its own thread. Collections that the JVM has
 * not yet reported when {@link #stop} is called are not counted.
 */
final class HeapPeak implements NotificationListener {
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final AtomicLong peak = new AtomicLong();

  private HeapPeak() {}

  /** Starts watching the heap of this JVM. */
  static HeapPeak start() {
    HeapPeak watcher = new HeapPeak();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(watcher, null, null);
        watcher.emitters.add(emitter);
      }
    }
    watcher.peak.accumulateAndGet(watcher.inUse(), Math::max);
    return watcher;
  }

  /** Stops watching; returns the peak in bytes. */
  long stop() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(this);
      } catch (ListenerNotFoundException e) {
        // Added in start(), so it is there; nothing to undo if the JVM dropped it.
      }
    }
    return peak.accumulateAndGet(inUse(), Math::max);
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long before = 0;
    for (var pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        before += pool.getValue().getUsed();
      }
    }
    peak.accumulateAndGet(before, Math::max);
  }

  private long inUse() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }
}
