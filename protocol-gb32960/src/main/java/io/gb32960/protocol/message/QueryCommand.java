package io.gb32960.protocol.message;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.wire.DataTime;

import java.util.List;

/** Parameter query 0x80 from the platform (查询命令, Table B.9): time, count, parameter ids. */
public record QueryCommand(FrameHeader header, DataTime time, List<Integer> parameterIds) implements Gb32960Message {

    /** Table B.9: 0..252 parameter ids. */
    public static final int MAX_IDS = 252;

    public QueryCommand {
        parameterIds = List.copyOf(parameterIds);
        if (parameterIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most 252 parameter ids per query");
        }
    }
}
