package io.gb32960.admin.system;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: fields separated by commas, optionally in double quotes (a quote in
 * a quoted field is doubled), records ending with LF or CRLF; a byte-order mark and empty lines are
 * skipped.
 */
public final class Csv {

    private Csv() {
    }

    /** Every record; fails past {@code maxRecords} records or on an unclosed quote. */
    public static List<List<String>> read(Reader in, int maxRecords) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            all.append(buf, 0, n);
        }
        return parse(all, maxRecords);
    }

    static List<List<String>> parse(CharSequence s, int maxRecords) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = s.length() > 0 && s.charAt(0) == '\uFEFF' ? 1 : 0;
        boolean quoted = false;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < s.length() && s.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < s.length() && s.charAt(i) == '\n') {
                    i++;
                }
                end(records, record, field, maxRecords);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("a quoted field is not closed");
        }
        end(records, record, field, maxRecords);
        return records;
    }

    private static void end(List<List<String>> records, List<String> record, StringBuilder field, int max)
            throws IOException {
        record.add(field.toString());
        field.setLength(0);
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return; // an empty line
        }
        if (records.size() >= max) {
            throw new IOException("more than " + (max - 1) + " rows");
        }
        records.add(record);
    }
}
