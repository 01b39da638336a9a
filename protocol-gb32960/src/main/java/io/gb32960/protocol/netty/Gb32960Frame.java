package io.gb32960.protocol.netty;

import io.gb32960.protocol.frame.FrameHeader;
import io.gb32960.protocol.frame.FrameLayout;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One whole frame that passed the length and BCC checks: its parsed header and the frame bytes
 * (start bytes through BCC). Reference-counted: whoever takes it from the pipeline releases it.
 * The access server publishes {@link #content()} as is; consumers decode it.
 */
public final class Gb32960Frame extends DefaultByteBufHolder implements FrameEvent {

    private final FrameHeader header;

    public Gb32960Frame(FrameHeader header, ByteBuf frame) {
        super(frame);
        this.header = header;
    }

    public FrameHeader header() {
        return header;
    }

    /** A slice of the (possibly encrypted) data unit; not retained. */
    public ByteBuf dataUnit() {
        ByteBuf f = content();
        return f.slice(f.readerIndex() + FrameLayout.HEADER_LENGTH, header.dataLength());
    }

    @Override
    public Gb32960Frame replace(ByteBuf content) {
        return new Gb32960Frame(header, content);
    }

    @Override
    public Gb32960Frame retain() {
        super.retain();
        return this;
    }

    @Override
    public Gb32960Frame retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public Gb32960Frame touch() {
        super.touch();
        return this;
    }

    @Override
    public Gb32960Frame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Gb32960Frame(" + header + ")";
    }
}
