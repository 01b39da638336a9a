package io.gb32960.protocol.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array the decoder just filled and never touches again: one small
 * wrapper, no copy (List.of would copy the array).
 */
public final class OwnedList {

    private OwnedList() {
    }

    @SafeVarargs
    public static <T> List<T> of(T... owned) {
        return of(owned, owned.length);
    }

    /** A view of the first {@code size} elements of {@code owned}. */
    public static <T> List<T> of(T[] owned, int size) {
        return size == 0 ? List.of() : new ArrayView<>(owned, size);
    }

    private static final class ArrayView<T> extends AbstractList<T> implements RandomAccess {

        private final T[] items;
        private final int size;

        ArrayView(T[] items, int size) {
            this.items = items;
            this.size = size;
        }

        @Override
        public T get(int index) {
            java.util.Objects.checkIndex(index, size);
            return items[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
