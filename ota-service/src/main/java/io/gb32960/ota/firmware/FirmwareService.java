package io.gb32960.ota.firmware;

import io.gb32960.ota.security.Actor;
import io.gb32960.ota.system.ErrorCode;
import io.gb32960.ota.system.OtaAudit;
import io.gb32960.ota.system.OtaException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Uploads and reviews. An upload is checked before anything is stored (the model is the
 * supplier's, the version is new), streamed into the storage with its digests computed, then
 * compared with what the supplier stated and with what is stored; on any refusal the file is
 * deleted, so nothing of a refused upload remains.
 */
@Service
public class FirmwareService {

    private static final Logger log = LoggerFactory.getLogger(FirmwareService.class);

    private final FirmwareRepository firmware;
    private final FirmwareStorage storage;
    private final FirmwareProperties properties;
    private final MeterRegistry meters;
    private final OtaAudit audit;
    private final Clock clock;

    FirmwareService(FirmwareRepository firmware, FirmwareStorage storage, FirmwareProperties properties,
                    MeterRegistry meters, OtaAudit audit, Clock clock) {
        this.firmware = firmware;
        this.storage = storage;
        this.properties = properties;
        this.meters = meters;
        this.audit = audit;
        this.clock = clock;
    }

    public Firmware upload(Actor actor, FirmwareUpload u, String clientFileName, InputStream content) {
        if (actor.supplierId() == null) {
            throw rejected("supplier", OtaException.forbidden(null, "only a supplier's user uploads firmware"));
        }
        long supplier = actor.supplierId();
        if (!firmware.modelSupplier(u.terminalModel()).map(s -> s == supplier).orElse(false)) {
            throw rejected("model", OtaException.invalid("terminalModel",
                    "no terminal model " + u.terminalModel() + " of your supplier"));
        }
        if (firmware.versionExists(u.terminalModel(), u.version())) {
            throw rejected("version", OtaException.duplicate("version",
                    "version " + u.version() + " of " + u.terminalModel() + " exists"));
        }
        StoredArtifact stored;
        try {
            stored = storage.store(content, properties.maxSize().toBytes());
        } catch (FirmwareStorage.TooLargeException e) {
            throw rejected("size", new OtaException(ErrorCode.TOO_LARGE, "file",
                    "the file is larger than " + properties.maxSize().toMegabytes() + " MB"));
        } catch (IOException e) {
            throw new UncheckedIOException("upload not stored", e);
        }
        boolean kept = false;
        try {
            if (stored.size() == 0) {
                throw rejected("empty", OtaException.invalid("file", "the file is empty"));
            }
            if (!stored.hashes().md5().equals(u.md5().toLowerCase(Locale.ROOT))) {
                throw rejected("digest", OtaException.invalid("md5", "MD5 of the file is " + stored.hashes().md5()
                        + ", not the stated " + u.md5()));
            }
            if (!stored.hashes().sha256().equals(u.sha256().toLowerCase(Locale.ROOT))) {
                throw rejected("digest", OtaException.invalid("sha256", "SHA-256 of the file is "
                        + stored.hashes().sha256() + ", not the stated " + u.sha256()));
            }
            if (firmware.digestExists(stored.hashes().sha256())) {
                throw rejected("duplicate", OtaException.duplicate("file", "the same file is stored already"));
            }
            long id;
            try {
                id = firmware.insert(supplier, u, displayName(clientFileName), stored, actor.name(), clock.instant());
            } catch (DuplicateKeyException e) {
                throw rejected("duplicate", OtaException.duplicate("file",
                        "the same file or version was stored at the same moment"));
            }
            kept = true;
            meters.counter("gb32960.ota.firmware.uploads", "result", "stored").increment();
            log.info("firmware {} {} of {} stored ({} bytes, sha256 {}) by {}", u.terminalModel(), u.version(),
                    supplier, stored.size(), stored.hashes().sha256(), actor.name());
            audit.record(actor, "FIRMWARE_UPLOAD", "firmware", id, Map.of("terminalModel", u.terminalModel(),
                    "version", u.version(), "size", stored.size(), "sha256", stored.hashes().sha256()));
            return firmware.find(id).orElseThrow();
        } finally {
            if (!kept) {
                try {
                    storage.delete(stored.key());
                } catch (IOException e) {
                    log.warn("refused upload {} not deleted: {}", stored.key(), e.toString());
                }
            }
        }
    }

    private OtaException rejected(String reason, OtaException e) {
        meters.counter("gb32960.ota.firmware.uploads", "result", reason).increment();
        log.info("firmware upload refused ({}): {}", reason, e.getMessage());
        return e;
    }

    /** The client's file name for display only: its last path segment, printable, at most 255 characters. */
    static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[^\\p{Print}]", "_");
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    public List<Firmware> list(Actor actor, Firmware.FirmwareStatus status) {
        return firmware.list(actor.staff() ? null : requireSupplier(actor), status);
    }

    /** The firmware if the actor may see it; otherwise not found (a supplier learns nothing of others'). */
    public Firmware get(Actor actor, long id) {
        return firmware.find(id).filter(f -> actor.sees(f.supplierId()))
                .orElseThrow(() -> OtaException.notFound("firmware " + id));
    }

    public Firmware review(Actor actor, long id, boolean approve, String comment) {
        Firmware f = get(actor, id);
        if (firmware.review(f.id(), approve ? Firmware.FirmwareStatus.APPROVED : Firmware.FirmwareStatus.REJECTED,
                comment, actor.name(), clock.instant()) == 0) {
            throw OtaException.conflict("firmware " + id + " was reviewed already (" + f.status() + ")");
        }
        log.info("firmware {} {} {} by {}", id, f.version(), approve ? "approved" : "rejected", actor.name());
        audit.record(actor, approve ? "FIRMWARE_APPROVE" : "FIRMWARE_REJECT", "firmware", id,
                comment == null || comment.isBlank() ? Map.of("version", f.version())
                        : Map.of("version", f.version(), "comment", comment));
        return firmware.find(id).orElseThrow();
    }

    private static long requireSupplier(Actor actor) {
        if (actor.supplierId() == null) {
            throw OtaException.forbidden(null, "no supplier bound to this user");
        }
        return actor.supplierId();
    }
}
