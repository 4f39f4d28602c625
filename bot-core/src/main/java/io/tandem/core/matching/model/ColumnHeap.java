package io.tandem.core.matching.model;

/** A binary min-heap of column indices keyed by {@code dist[column]}, with decrease-key. */
final class ColumnHeap {
  private final int[] items;
  private final int[] position;
  private final long[] key;
  private int size;

  ColumnHeap(int capacity, long[] key) {
    this.items = new int[capacity];
    this.position = new int[capacity];
    this.key = key;
  }

  void clear() {
    size = 0;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int peek() {
    return items[0];
  }

  void insert(int item) {
    int at = size++;
    items[at] = item;
    position[item] = at;
    siftUp(at);
  }

  void decreased(int item) {
    siftUp(position[item]);
  }

  int poll() {
    int top = items[0];
    int last = items[--size];
    if (size > 0) {
      items[0] = last;
      position[last] = 0;
      siftDown(0);
    }
    return top;
  }

  private void siftUp(int at) {
    int item = items[at];
    long k = key[item];
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      int p = items[parent];
      if (key[p] <= k) {
        break;
      }
      items[at] = p;
      position[p] = at;
      at = parent;
    }
    items[at] = item;
    position[item] = at;
  }

  private void siftDown(int at) {
    int item = items[at];
    long k = key[item];
    int half = size >>> 1;
    while (at < half) {
      int child = 2 * at + 1;
      int c = items[child];
      int right = child + 1;
      if (right < size && key[items[right]] < key[c]) {
        child = right;
        c = items[child];
      }
      if (k <= key[c]) {
        break;
      }
      items[at] = c;
      position[c] = at;
      at = child;
    }
    items[at] = item;
    position[item] = at;
  }
}
