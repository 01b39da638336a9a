package io.gb32960.protocol.json;

import io.gb32960.protocol.value.Quantity;
import io.gb32960.protocol.value.ValueState;
import tools.jackson.core.JsonGenerator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A JSON generator that tracks the path of every value, so abnormal and invalid quantities are
 * written as {@code null} and their paths collected for the {@code abnormal}/{@code invalid} lists.
 */
final class JsonOut {

    final JsonGenerator g;
    private final Deque<String> path = new ArrayDeque<>();
    final List<String> abnormal = new ArrayList<>();
    final List<String> invalid = new ArrayList<>();

    JsonOut(JsonGenerator g) {
        this.g = g;
    }

    void startObject(String name) {
        g.writeObjectPropertyStart(name);
        path.addLast(name);
    }

    void startObjectAt(int index) {
        g.writeStartObject();
        path.addLast("[" + index + "]");
    }

    void endObject() {
        g.writeEndObject();
        path.removeLast();
    }

    void startArray(String name) {
        g.writeArrayPropertyStart(name);
        path.addLast(name);
    }

    void endArray() {
        g.writeEndArray();
        path.removeLast();
    }

    void number(String name, long v) {
        g.writeNumberProperty(name, v);
    }

    void string(String name, String v) {
        g.writeStringProperty(name, v);
    }

    void bool(String name, boolean v) {
        g.writeBooleanProperty(name, v);
    }

    void quantity(String name, Quantity q) {
        g.writeName(name);
        value(q, name);
    }

    /** An array element. */
    void quantityAt(int index, Quantity q) {
        value(q, "[" + index + "]");
    }

    private void value(Quantity q, String leaf) {
        if (q.state() == ValueState.VALID) {
            g.writeNumber(q.value());
            return;
        }
        g.writeNull();
        (q.state() == ValueState.ABNORMAL ? abnormal : invalid).add(pathOf(leaf));
    }

    private String pathOf(String leaf) {
        StringBuilder sb = new StringBuilder();
        for (String p : path) {
            append(sb, p);
        }
        append(sb, leaf);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part) {
        if (sb.length() > 0 && !part.startsWith("[")) {
            sb.append('.');
        }
        sb.append(part);
    }

    void stringArray(String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
