package io.gb32960.admin.vehicle;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A page of the vehicle list, reached by page number or from a neighbouring page's cursor (keyset
 * paging by VIN: {@code after} the last VIN of the page before, or {@code before} the first VIN of the
 * page after).
 *
 * @param page           the page number from 0; for a page reached by a cursor, the number the
 *                       request said it is (a label: rows added or removed meanwhile shift pages)
 * @param total          rows matching the filters
 * @param nextAfter      the cursor of the next page ({@code after=}), null on the last page
 * @param previousBefore the cursor of the previous page ({@code before=}), null on the first page
 */
public record VehiclePage(List<Vehicle> items, int page, int size, long total,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String nextAfter,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String previousBefore) {

    public VehiclePage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return nextAfter != null;
    }

    public boolean hasPrevious() {
        return previousBefore != null;
    }
}
