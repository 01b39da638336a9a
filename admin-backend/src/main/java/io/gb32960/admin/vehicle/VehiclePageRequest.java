package io.gb32960.admin.vehicle;

import io.gb32960.admin.system.AdminException;
import io.gb32960.admin.system.Paging;

/**
 * Which page of the vehicle list: {@code after} a VIN (the next page), {@code before} a VIN (the
 * previous page), or else page number {@code paging.page()}. With a cursor the page number only
 * labels the answer. At most one of the cursors.
 */
public record VehiclePageRequest(Paging paging, String after, String before) {

    public VehiclePageRequest {
        after = VehicleForm.blankToNull(after);
        before = VehicleForm.blankToNull(before);
        if (after != null && before != null) {
            throw AdminException.invalid("before", "either after or before, not both");
        }
        for (String cursor : new String[] {after, before}) {
            if (cursor != null && !cursor.matches("[A-Za-z0-9]{1,17}")) {
                throw AdminException.invalid(cursor.equals(after) ? "after" : "before",
                        "a VIN (1 to 17 letters or digits)");
            }
        }
    }

    public static VehiclePageRequest of(Integer page, Integer size, String after, String before) {
        return new VehiclePageRequest(Paging.of(page, size), after, before);
    }
}
