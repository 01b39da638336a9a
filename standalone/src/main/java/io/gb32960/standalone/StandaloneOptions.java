package io.gb32960.standalone;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** What a user can choose on the command line; ports 0 = any free port. */
final class StandaloneOptions {

    @Option(names = "--data-dir", defaultValue = "data", description = "Where Redis, Kafka and the database keep their data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data of earlier runs first.")
    boolean fresh;

    @Option(names = "--demo-vehicles", defaultValue = "20", description = "Registered demo vehicles driven by the simulator through dispatch; 0 = none (default: ${DEFAULT-VALUE}).")
    int demoVehicles;

    @Option(names = "--demo-interval", defaultValue = "10", description = "Seconds between the demo vehicles' realtime reports (default: ${DEFAULT-VALUE}).")
    int demoIntervalSeconds;

    @Option(names = "--access-nodes", defaultValue = "1", description = "Access nodes in this JVM, 1 to 8: with 2 or more the "
            + "cluster runs on one machine (node 1 has the dispatch listener and the ports below; the others take free "
            + "ports, and dispatch spreads the vehicles over all of them) (default: ${DEFAULT-VALUE}).")
    int accessNodes;

    @Option(names = "--access-port", defaultValue = "32960", description = "Vehicle (access) listener (default: ${DEFAULT-VALUE}).")
    int accessPort;

    @Option(names = "--dispatch-port", defaultValue = "32959", description = "Dispatch (platform login) listener (default: ${DEFAULT-VALUE}).")
    int dispatchPort;

    @Option(names = "--admin-port", defaultValue = "8080", description = "Admin web UI and REST API (default: ${DEFAULT-VALUE}).")
    int adminPort;

    @Option(names = "--ota-port", defaultValue = "8090", description = "OTA service (default: ${DEFAULT-VALUE}).")
    int otaPort;

    @Option(names = "--access-actuator-port", defaultValue = "0", description = "Health and metrics of the access node (default: any free port).")
    int accessActuatorPort;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address the listeners bind to and announce (default: ${DEFAULT-VALUE}; 0.0.0.0 to accept real T-Boxes, with --public-host).")
    String host;

    @Option(names = "--public-host", defaultValue = "", description = "The address terminals are sent to after dispatch (default: --host).")
    String publicHost;
}
