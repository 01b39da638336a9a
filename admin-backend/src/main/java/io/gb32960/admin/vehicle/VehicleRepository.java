package io.gb32960.admin.vehicle;

import io.gb32960.admin.system.Sql;
import io.gb32960.admin.system.Times;
import io.gb32960.platform.common.registry.RegisteredVehicle;
import io.gb32960.protocol.codec.ResponseStyle;
import io.gb32960.protocol.control.UpgradeLayout;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** {@code vehicle} (with {@code vehicle_online_state} and {@code terminal_model} where needed). */
@Repository
public class VehicleRepository {

    private static final String COLUMNS = """
            SELECT v.vin, v.plate, v.vehicle_model, v.terminal_model, v.protocol_profile, v.upgrade_layout, v.iccid,
                   v.firmware_version, v.hardware_version, v.enabled, v.created_at, v.updated_at,
                   s.online, s.node, s.since""";
    private static final String ONLINE_STATE = " LEFT JOIN vehicle_online_state s ON s.vin = v.vin";
    private static final String SELECT = COLUMNS + " FROM vehicle v" + ONLINE_STATE;

    /** The registry entry: the vehicle's own profile, else its terminal model's. */
    private static final String REGISTRY = """
            SELECT v.vin, v.iccid, v.terminal_model, v.enabled,
                   COALESCE(v.protocol_profile, m.response_style) AS response_style,
                   COALESCE(v.upgrade_layout, m.upgrade_layout) AS upgrade_layout
            FROM vehicle v LEFT JOIN terminal_model m ON m.code = v.terminal_model""";

    static final RowMapper<Vehicle> ROW = VehicleRepository::vehicle;
    private static final RowMapper<RegisteredVehicle> REGISTRY_ROW = (rs, i) -> new RegisteredVehicle(
            rs.getString("vin"), rs.getString("iccid"), rs.getString("terminal_model"),
            parse(ResponseStyle.class, rs.getString("response_style")),
            parse(UpgradeLayout.class, rs.getString("upgrade_layout")), rs.getBoolean("enabled"));

    private final NamedParameterJdbcTemplate jdbc;

    VehicleRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Vehicle> find(String vin) {
        return jdbc.query(SELECT + " WHERE v.vin = :vin", Map.of("vin", vin), ROW).stream().findFirst();
    }

    public boolean exists(String vin) {
        return !jdbc.queryForList("SELECT 1 FROM vehicle WHERE vin = :vin", Map.of("vin", vin), Integer.class).isEmpty();
    }

    /** The VIN that has this ICCID, if any. */
    public Optional<String> vinOfIccid(String iccid) {
        return jdbc.queryForList("SELECT vin FROM vehicle WHERE iccid = :iccid", Map.of("iccid", iccid), String.class)
                .stream().findFirst();
    }

    /**
     * A page of the list in VIN order. The rows are chosen by VIN alone (an index-only scan of the
     * filter's index or the primary key, joining the online state only for the online filter), then
     * fetched with their details: a deep page skips index entries, not joined rows. A cursor page is
     * a range on the primary key ({@code vin > after} / {@code vin < before}); a page number in the
     * back half of the list is read from the end ({@code ORDER BY vin DESC}), so the last pages are as
     * quick as the first.
     */
    public VehiclePage page(VehicleQuery q, VehiclePageRequest r) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Filter f = filter(q, p);
        long total = count(f, p);
        int size = r.paging().size();
        if (r.after() != null || r.before() != null) {
            boolean forward = r.after() != null;
            p.addValue("cursor", forward ? r.after() : r.before());
            List<Vehicle> rows = rows(f.and(forward ? "v.vin > :cursor" : "v.vin < :cursor"), p, !forward, size + 1, 0);
            boolean more = rows.size() > size;
            if (more) {
                rows = forward ? rows.subList(0, size) : rows.subList(1, rows.size());
            }
            String first = rows.isEmpty() ? null : rows.get(0).vin();
            String last = rows.isEmpty() ? null : rows.get(rows.size() - 1).vin();
            return new VehiclePage(rows, r.paging().page(), size, total, forward ? (more ? last : null) : last,
                    forward ? first : (more ? first : null));
        }
        int lastPage = (int) Math.max(0, (total - 1) / size);
        int page = Math.min(r.paging().page(), lastPage);
        long offset = (long) page * size;
        List<Vehicle> rows;
        if (offset > total / 2) {
            long fromEnd = total - offset - size;
            rows = rows(f, p, true, (int) Math.min(size, size + fromEnd), Math.max(0, fromEnd));
        } else {
            rows = rows(f, p, false, size, offset);
        }
        String first = rows.isEmpty() ? null : rows.get(0).vin();
        String last = rows.isEmpty() ? null : rows.get(rows.size() - 1).vin();
        return new VehiclePage(rows, page, size, total, offset + size < total ? last : null, page > 0 ? first : null);
    }

    /** Rows of the filter in VIN order: the VINs chosen by an index-only query, then their details. */
    private List<Vehicle> rows(Filter f, MapSqlParameterSource p, boolean descending, int limit, long offset) {
        if (limit <= 0) {
            return List.of();
        }
        p.addValue("limit", limit).addValue("offset", offset);
        return jdbc.query(COLUMNS + " FROM (SELECT v.vin FROM vehicle v" + f.join() + f.where() + " ORDER BY v.vin"
                + (descending ? " DESC" : "") + " LIMIT :limit OFFSET :offset) k JOIN vehicle v ON v.vin = k.vin"
                + ONLINE_STATE + " ORDER BY v.vin", p, ROW);
    }

    /** Every VIN matching {@code q}, in VIN order, at most {@code max}. */
    public List<String> vins(VehicleQuery q, int max) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        Filter f = filter(q, p);
        p.addValue("limit", max);
        return jdbc.queryForList("SELECT v.vin FROM vehicle v" + f.join() + f.where() + " ORDER BY v.vin LIMIT :limit",
                p, String.class);
    }

    public long count(VehicleQuery q) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return count(filter(q, p), p);
    }

    private long count(Filter f, MapSqlParameterSource p) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle v" + f.join() + f.where(), p, Long.class);
        return n == null ? 0 : n;
    }

    /** The conditions of a query, and the join of the online state when a condition needs it. */
    private record Filter(List<String> conditions, String join) {

        Filter and(String condition) {
            List<String> more = new ArrayList<>(conditions);
            more.add(condition);
            return new Filter(more, join);
        }

        String where() {
            return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        }
    }

    private static Filter filter(VehicleQuery q, MapSqlParameterSource p) {
        List<String> where = new ArrayList<>();
        if (q.q() != null) {
            where.add("(v.vin LIKE :q OR v.plate LIKE :q)");
            p.addValue("q", Sql.like(q.q().toUpperCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.vehicleModel() != null) {
            where.add("v.vehicle_model = :vehicleModel");
            p.addValue("vehicleModel", q.vehicleModel());
        }
        if (q.terminalModel() != null) {
            where.add("v.terminal_model = :terminalModel");
            p.addValue("terminalModel", q.terminalModel());
        }
        if (q.firmwareVersion() != null) {
            where.add("v.firmware_version = :firmware");
            p.addValue("firmware", q.firmwareVersion());
        }
        if (q.enabled() != null) {
            where.add("v.enabled = :enabled");
            p.addValue("enabled", q.enabled());
        }
        String join = "";
        if (q.online() != null) {
            // online: driven by the state's (online, node) index; offline: every vehicle without an online row
            join = q.online() ? " JOIN vehicle_online_state s ON s.vin = v.vin AND s.online = 1"
                    : " LEFT JOIN vehicle_online_state s ON s.vin = v.vin AND s.online = 1";
            if (!q.online()) {
                where.add("s.vin IS NULL");
            }
        }
        return new Filter(where, join);
    }

    public void insert(VehicleForm f, Long supplierId) {
        jdbc.update("""
                INSERT INTO vehicle (vin, plate, vehicle_model, terminal_model, protocol_profile, upgrade_layout,
                                     supplier_id, iccid, firmware_version, hardware_version, enabled)
                VALUES (:vin, :plate, :vehicleModel, :terminalModel, :profile, :layout, :supplierId, :iccid,
                        :firmware, :hardware, :enabled)""", params(f, supplierId));
    }

    public boolean update(VehicleForm f, Long supplierId) {
        return jdbc.update("""
                UPDATE vehicle SET plate = :plate, vehicle_model = :vehicleModel, terminal_model = :terminalModel,
                       protocol_profile = :profile, upgrade_layout = :layout, supplier_id = :supplierId,
                       iccid = :iccid, firmware_version = :firmware, hardware_version = :hardware, enabled = :enabled
                WHERE vin = :vin""", params(f, supplierId)) > 0;
    }

    /** Deletes the vehicle and its own terminal configuration (its secret goes by the foreign key). */
    public boolean delete(String vin) {
        jdbc.update("DELETE FROM terminal_config WHERE scope = 'VEHICLE' AND scope_key = :vin", Map.of("vin", vin));
        return jdbc.update("DELETE FROM vehicle WHERE vin = :vin", Map.of("vin", vin)) > 0;
    }

    private static MapSqlParameterSource params(VehicleForm f, Long supplierId) {
        return new MapSqlParameterSource().addValue("vin", f.vin()).addValue("plate", f.plate())
                .addValue("vehicleModel", f.vehicleModel()).addValue("terminalModel", f.terminalModel())
                .addValue("profile", f.responseStyle() == null ? null : f.responseStyle().name())
                .addValue("layout", f.upgradeLayout() == null ? null : f.upgradeLayout().name())
                .addValue("supplierId", supplierId).addValue("iccid", f.iccid())
                .addValue("firmware", f.firmwareVersion()).addValue("hardware", f.hardwareVersion())
                .addValue("enabled", f.enabled());
    }

    /** The registry entry of one vehicle. */
    public Optional<RegisteredVehicle> registryEntry(String vin) {
        return jdbc.query(REGISTRY + " WHERE v.vin = :vin", Map.of("vin", vin), REGISTRY_ROW).stream().findFirst();
    }

    /** The registry entries of the vehicles of a terminal model. */
    public List<RegisteredVehicle> registryEntriesOfModel(String terminalModel) {
        return jdbc.query(REGISTRY + " WHERE v.terminal_model = :m", Map.of("m", terminalModel), REGISTRY_ROW);
    }

    /** Every registry entry, in pages of {@code pageSize} (keyset on the VIN). */
    public void forEachRegistryPage(int pageSize, Consumer<List<RegisteredVehicle>> page) {
        String after = "";
        while (true) {
            List<RegisteredVehicle> rows = jdbc.query(REGISTRY + " WHERE v.vin > :after ORDER BY v.vin LIMIT :n",
                    new MapSqlParameterSource("after", after).addValue("n", pageSize), REGISTRY_ROW);
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows);
            after = rows.get(rows.size() - 1).vin();
        }
    }

    /** Which of {@code vins} exist. */
    public Set<String> existing(Collection<String> vins) {
        if (vins.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.queryForList("SELECT vin FROM vehicle WHERE vin IN (:vins)", Map.of("vins", vins),
                String.class));
    }

    public long total() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM vehicle", Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /** Distinct values of a column, for filter drop-downs. */
    public List<String> distinctVehicleModels() {
        return jdbc.queryForList("SELECT DISTINCT vehicle_model FROM vehicle WHERE vehicle_model IS NOT NULL"
                + " ORDER BY vehicle_model LIMIT 500", Map.of(), String.class);
    }

    public List<String> distinctFirmwareVersions() {
        return jdbc.queryForList("SELECT DISTINCT firmware_version FROM vehicle WHERE firmware_version IS NOT NULL"
                + " ORDER BY firmware_version LIMIT 500", Map.of(), String.class);
    }

    private static Vehicle vehicle(ResultSet rs, int i) throws SQLException {
        Object online = rs.getObject("online");
        return new Vehicle(rs.getString("vin"), rs.getString("plate"), rs.getString("vehicle_model"),
                rs.getString("terminal_model"), parse(ResponseStyle.class, rs.getString("protocol_profile")),
                parse(UpgradeLayout.class, rs.getString("upgrade_layout")), rs.getString("iccid"),
                rs.getString("firmware_version"), rs.getString("hardware_version"), rs.getBoolean("enabled"),
                Times.instant(rs, "created_at"), Times.instant(rs, "updated_at"),
                online == null ? null : rs.getBoolean("online"), rs.getString("node"), Times.instant(rs, "since"));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
