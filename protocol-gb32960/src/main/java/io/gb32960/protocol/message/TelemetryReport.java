package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.CommandId;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.unit.InfoUnit;
import io.gb32960.protocol.wire.Bytes;
import io.gb32960.protocol.wire.DataTime;

import java.util.List;
import java.util.Objects;

/**
 * Realtime 0x02 (实时信息上报) or reissue 0x03 (补发信息上报) report (2016 Table 7, 2025 Tables 7-9):
 * the collection time and the info items. 2025 frames end with the 0xFF marker and a signature
 * over collection time .. last item (the marker excluded).
 *
 * @param signature       null when absent
 * @param signatureStatus set by the decoder; ignored by the encoder
 * @param trailer         bytes after the signature (non-conformant frames), kept for lossless re-encoding
 */
public record TelemetryReport(FrameHeader header, DataTime time, List<InfoUnit> units, Signature signature,
                              SignatureStatus signatureStatus, Bytes trailer) implements Gb32960Message {

    public TelemetryReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(signatureStatus, "signatureStatus");
        Objects.requireNonNull(trailer, "trailer");
    }

    public static TelemetryReport of(FrameHeader header, DataTime time, List<InfoUnit> units) {
        return new TelemetryReport(header, time, List.copyOf(units), null, SignatureStatus.ABSENT, Bytes.EMPTY);
    }

    public boolean reissue() {
        return header.command() == CommandId.REISSUE_REPORT.id();
    }

    /** The first item of the given kind, or null. */
    public <T extends InfoUnit> T unit(Class<T> kind) {
        for (InfoUnit u : units) {
            if (kind.isInstance(u)) {
                return kind.cast(u);
            }
        }
        return null;
    }
}
