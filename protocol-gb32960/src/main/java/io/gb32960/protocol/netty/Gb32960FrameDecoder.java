package io.gb32960.protocol.netty;

import io.gb32960.protocol.codec.DecodeError;
import io.gb32960.protocol.frame.Bcc;
import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.gb32960.protocol.frame.HeaderCache;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ByteProcessor;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits a TCP stream into GB/T 32960 frames of either edition (Table 2). Bytes before a
 * {@code ##}/{@code $$} start are discarded; a declared data length over 65531 or a wrong BCC is
 * emitted as a {@link FrameFailure}, never thrown, and framing resumes after it. Good frames come
 * out as retained slices in {@link Gb32960Frame}s.
 *
 * <p>Stateful: one instance per channel.
 */
public final class Gb32960FrameDecoder extends ByteToMessageDecoder {

    private static final int HEX_HEAD = 64;

    /** One connection carries one VIN (or one platform): a single slot serves nearly every frame. */
    private final HeaderCache headers = new HeaderCache(1);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        FrameEvent event;
        while ((event = next(in, headers)) != null) {
            out.add(event);
        }
    }

    /** As {@link #next(ByteBuf, HeaderCache)} without a header cache. */
    public static FrameEvent next(ByteBuf in) {
        return next(in, null);
    }

    /**
     * The next event from {@code in}, or null when more bytes are needed. Exposed for callers that
     * frame without a pipeline (and for the framing benchmark).
     *
     * @param headers a cache of parsed headers, or null
     */
    public static FrameEvent next(ByteBuf in, HeaderCache headers) {
        int start = findStart(in);
        if (start < 0) {
            // keep a trailing first start byte: its twin may arrive in the next read
            int keep = in.isReadable() && isStartByte(in.getUnsignedByte(in.writerIndex() - 1)) ? 1 : 0;
            int garbage = in.readableBytes() - keep;
            return garbage > 0 ? discard(in, null, DecodeError.GARBAGE, garbage) : null;
        }
        if (start > in.readerIndex()) {
            return discard(in, null, DecodeError.GARBAGE, start - in.readerIndex());
        }
        if (in.readableBytes() < FrameLayout.HEADER_LENGTH) {
            return null;
        }
        int dataLength = in.getUnsignedShort(start + FrameLayout.LENGTH_OFFSET);
        if (dataLength > FrameLayout.MAX_DATA_LENGTH) {
            // resynchronise just after these start bytes: the length field itself is not to be trusted
            return discard(in, FrameHeader.parse(in, start), DecodeError.LENGTH_OUT_OF_RANGE, 2);
        }
        int frameLength = FrameLayout.frameLength(dataLength);
        if (in.readableBytes() < frameLength) {
            return null;
        }
        FrameHeader header = headers == null ? FrameHeader.parse(in, start) : headers.parse(in, start);
        if (!Bcc.verify(in, start, frameLength)) {
            return discard(in, header, DecodeError.BAD_BCC, frameLength);
        }
        return new Gb32960Frame(header, in.readRetainedSlice(frameLength));
    }

    private static FrameFailure discard(ByteBuf in, FrameHeader header, DecodeError error, int length) {
        String hex = ByteBufUtil.hexDump(in, in.readerIndex(), Math.min(length, HEX_HEAD));
        in.skipBytes(length);
        return new FrameFailure(header, error, length, hex);
    }

    /** Stops at a byte that may begin a frame. */
    private static final ByteProcessor NOT_A_START_BYTE = b -> b != 0x23 && b != 0x24;

    /**
     * Absolute index of the first {@code ##} or {@code $$} that can begin a frame, or -1. A pair
     * followed by another start byte is skipped: 0x23 and 0x24 are reserved, never a command, so
     * in {@code ###} or {@code $$##} the frame starts later (a stray start byte must not shift the
     * header by one and lose the frame).
     */
    private static int findStart(ByteBuf in) {
        int end = in.writerIndex();
        int i = in.readerIndex();
        while (i < end - 1) {
            i = in.forEachByte(i, end - 1 - i, NOT_A_START_BYTE);
            if (i < 0) {
                return -1;
            }
            byte b = in.getByte(i);
            if (in.getByte(i + 1) == b && (i + 2 >= end || !isStartByte(in.getByte(i + 2)))) {
                return i;
            }
            i++;
        }
        return -1;
    }

    private static boolean isStartByte(int b) {
        return b == 0x23 || b == 0x24;
    }
}
