package io.gb32960.protocol.codec;

/** Finds the terminal profile of a unique id (by its registered terminal model). */
@FunctionalInterface
public interface ProfileResolver {

    ProfileResolver DEFAULT = vin -> TerminalProfile.DEFAULT;

    TerminalProfile profileOf(String vin);

    static ProfileResolver fixed(TerminalProfile profile) {
        return vin -> profile;
    }
}
