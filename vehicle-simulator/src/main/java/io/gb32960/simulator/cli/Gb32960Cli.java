package io.gb32960.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gb32960} command: {@code java -jar vehicle-simulator/target/gb32960.jar <subcommand>}. */
@Command(name = "gb32960", mixinStandardHelpOptions = true, version = "gb32960 0.1.0",
        description = "GB/T 32960.3 (2016 ## and 2025 $$) tools.",
        subcommands = {DecodeCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class Gb32960Cli {

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    static CommandLine newCommandLine() {
        return new CommandLine(new Gb32960Cli());
    }
}
