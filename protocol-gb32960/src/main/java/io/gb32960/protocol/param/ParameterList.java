package io.gb32960.protocol.param;

import io.gb32960.protocol.wire.Bytes;

import java.util.List;
import java.util.Objects;

/**
 * The parameter part of a query answer or set command: the declared count, the items read, and
 * the bytes from the first item whose width is unknown (a user-defined id) to the end.
 */
public record ParameterList(int count, List<Parameter> items, Bytes unparsed) {

    public ParameterList {
        Objects.requireNonNull(unparsed, "unparsed");
        items = List.copyOf(items);
        if (unparsed.isEmpty() && count != items.size()) {
            throw new IllegalArgumentException("count " + count + " but " + items.size() + " items");
        }
    }

    public static ParameterList of(List<Parameter> items) {
        return new ParameterList(items.size(), items, Bytes.EMPTY);
    }

    public static ParameterList of(Parameter... items) {
        return of(List.of(items));
    }
}
