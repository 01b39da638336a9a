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

    /** Reads one list element. */
    @FunctionalInterface
    public interface ElementReader<T, S> {
        T read(S source);
    }

    /**
     * Reads {@code n} elements into an unmodifiable list; one or two elements (the usual motor and
     * battery-pack counts) need no backing array.
     */
    @SuppressWarnings("unchecked")
    public static <T, S> List<T> read(int n, S source, ElementReader<T, S> reader) {
        switch (n) {
            case 0:
                return List.of();
            case 1:
                return List.of(reader.read(source));
            case 2: {
                T first = reader.read(source);
                return List.of(first, reader.read(source));
            }
            default: {
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = reader.read(source);
                }
                return new ArrayView<>((T[]) items, n);
            }
        }
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
