package io.gb32960.admin.supplier;

import java.time.Instant;

/**
 * A terminal supplier ({@code supplier}): its SUPPLIER users work in the OTA service on the
 * terminal models bound to it.
 *
 * @param users          users bound to the supplier
 * @param terminalModels terminal models bound to it
 * @param vehicles       vehicles whose terminal model is bound to it
 */
public record Supplier(long id, String code, String name, String contact, boolean enabled, long users,
                       long terminalModels, long vehicles, Instant createdAt, Instant updatedAt) {
}
