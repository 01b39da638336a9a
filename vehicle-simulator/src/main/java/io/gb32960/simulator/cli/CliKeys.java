package io.gb32960.simulator.cli;

import io.gb32960.protocol.crypto.KeyProvider;
import io.gb32960.protocol.crypto.KeySpec;
import io.gb32960.protocol.crypto.KeySpecs;
import io.gb32960.protocol.crypto.StaticKeyProvider;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the key provider of a command from its {@code --key} and {@code --key-file} options. */
final class CliKeys {

    private CliKeys() {
    }

    /** @throws IllegalArgumentException for a malformed spec (picocli reports it with exit status 2) */
    static KeyProvider provider(List<String> specs, Path keyFile) throws IOException {
        if (specs.isEmpty() && keyFile == null) {
            return KeyProvider.NONE;
        }
        List<KeySpec> all = new ArrayList<>();
        if (keyFile != null) {
            all.addAll(KeySpecs.readFile(keyFile));
        }
        for (String spec : specs) {
            all.add(KeySpecs.parse(spec));
        }
        return StaticKeyProvider.of(all);
    }
}
