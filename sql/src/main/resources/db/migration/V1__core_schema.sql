-- GB/T 32960 platform: the core schema. Runs unchanged on MySQL 8.0+ and MariaDB 10.11+.
--
-- Conventions (docs/database.md):
--   * every DATETIME column holds UTC (the services pass UTC values and set the session time zone
--     to +00:00); frame times, which are Beijing time (GMT+8) on the wire, are converted
--   * VINs and other identifiers are ASCII with a binary collation; human text is utf8mb4
--   * secrets are stored hashed (accounts, users) or as the key material the protocol needs (vehicle keys)

-- ---------------------------------------------------------------------------------------------
-- Organisations, people, roles
-- ---------------------------------------------------------------------------------------------

CREATE TABLE supplier (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(128) NOT NULL,
    contact     VARCHAR(255) NULL,
    enabled     TINYINT(1)   NOT NULL DEFAULT 1,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_supplier_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_role (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    code        VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(128) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_role_code (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO app_role (code, name) VALUES
    ('ADMIN', 'Platform administrator'),
    ('OPERATOR', 'Fleet operator'),
    ('SUPPLIER', 'Firmware supplier'),
    ('VIEWER', 'Read-only user');

-- A user of the admin backend; a supplier's users see only their supplier's terminal models.
CREATE TABLE app_user (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    display_name  VARCHAR(128) NULL,
    supplier_id   BIGINT       NULL,
    enabled       TINYINT(1)   NOT NULL DEFAULT 1,
    last_login_at DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_username (username),
    KEY idx_user_supplier (supplier_id),
    CONSTRAINT fk_user_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user_role (
    user_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, role_id),
    KEY idx_user_role_role (role_id),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_role_role FOREIGN KEY (role_id) REFERENCES app_role (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- A platform that logs in with 0x05 (cascade, dispatch login): the secret only as PBKDF2 hash
-- (platform-common HashedSecret: salt, hash, iterations).
CREATE TABLE platform_account (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account     VARCHAR(12)  NOT NULL,
    name        VARCHAR(128) NULL,
    secret_salt VARBINARY(64)  NOT NULL,
    secret_hash VARBINARY(64)  NOT NULL,
    secret_iterations INT UNSIGNED NOT NULL,
    enabled     TINYINT(1)   NOT NULL DEFAULT 1,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_platform_account (account)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------
-- Terminals and vehicles
-- ---------------------------------------------------------------------------------------------

-- A T-Box model of a supplier and the protocol profile its terminals speak.
CREATE TABLE terminal_model (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    code             VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name             VARCHAR(128) NULL,
    supplier_id      BIGINT       NULL,
    edition          SMALLINT UNSIGNED NULL COMMENT '2016 or 2025; NULL = either',
    response_style   VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'TIME_ONLY | ECHO',
    upgrade_layout   VARCHAR(24)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'TABLE_B15_TEXT | TABLE_B16_BINARY',
    created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uk_terminal_model_code (code),
    KEY idx_terminal_model_supplier (supplier_id),
    CONSTRAINT fk_terminal_model_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE vehicle (
    vin              VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    plate            VARCHAR(16)  NULL,
    vehicle_model    VARCHAR(64)  NULL,
    terminal_model   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'terminal_model.code',
    protocol_profile VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'overrides the terminal model: TIME_ONLY | ECHO',
    upgrade_layout   VARCHAR(24)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    supplier_id      BIGINT       NULL,
    iccid            VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    firmware_version VARCHAR(32)  NULL,
    hardware_version VARCHAR(32)  NULL,
    public_key       VARBINARY(1024) NULL COMMENT '2025 activation public key (signature checks)',
    data_key_type    TINYINT UNSIGNED NULL COMMENT 'encryption byte of the exchanged data-unit key',
    data_key         VARBINARY(512) NULL COMMENT 'exchanged data-unit key (0x0B); secret',
    data_key_expires_at DATETIME  NULL,
    enabled          TINYINT(1)   NOT NULL DEFAULT 1,
    created_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (vin),
    KEY idx_vehicle_plate (plate),
    KEY idx_vehicle_supplier (supplier_id),
    KEY idx_vehicle_terminal_model (terminal_model),
    CONSTRAINT fk_vehicle_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ---------------------------------------------------------------------------------------------
-- Telemetry (written by kafka-consumers)
-- ---------------------------------------------------------------------------------------------

-- Every realtime (0x02) and reissue (0x03) frame, once: the key columns the admin backend filters
-- and charts on, plus the whole frame (plaintext: an encrypted frame is stored decrypted and
-- re-encoded with encryption 0x01). Decode `frame` with Gb32960Decoder + Gb32960Json to show every
-- field. The primary key is also the idempotency key (INSERT IGNORE) and contains the partition
-- column, as MySQL requires. Monthly RANGE partitions on collected_at: partitions are added ahead of
-- time and old ones dropped by the partition maintenance (io.gb32960.sql.TelemetryPartitions,
-- docs/database.md); p_history takes everything before the first month, pmax everything after the
-- last one.
CREATE TABLE telemetry (
    vin          VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    collected_at DATETIME     NOT NULL COMMENT 'collection time of the frame, UTC',
    command      TINYINT UNSIGNED NOT NULL COMMENT '2 realtime, 3 reissue',
    received_at  DATETIME(3)  NOT NULL COMMENT 'when the access node received the frame, UTC',
    node         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    edition      SMALLINT UNSIGNED NOT NULL COMMENT '2016 or 2025',
    encryption   TINYINT UNSIGNED NOT NULL COMMENT 'encryption byte as received (1 = none)',
    signature    TINYINT UNSIGNED NOT NULL COMMENT '0 absent, 1 verified, 3 present but not checked',
    vehicle_state TINYINT UNSIGNED NULL,
    charging_state TINYINT UNSIGNED NULL,
    speed_kmh    DECIMAL(5, 1) NULL,
    soc          TINYINT UNSIGNED NULL,
    odometer_km  DECIMAL(10, 1) NULL,
    voltage_v    DECIMAL(5, 1) NULL,
    current_a    DECIMAL(5, 1) NULL,
    longitude    DECIMAL(9, 6) NULL,
    latitude     DECIMAL(8, 6) NULL,
    alarm_level  TINYINT UNSIGNED NULL,
    frame        MEDIUMBLOB   NOT NULL,
    PRIMARY KEY (vin, collected_at, command)
) ENGINE = InnoDB
  PARTITION BY RANGE COLUMNS (collected_at) (
    PARTITION p_history VALUES LESS THAN ('2026-11-01 00:00:00'),
    PARTITION pmax VALUES LESS THAN (MAXVALUE)
);

-- The newest frame per vehicle. Upserts only move forward in collection time: a reissued old frame
-- never overwrites newer state.
CREATE TABLE vehicle_latest_state (
    vin          VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    collected_at DATETIME     NOT NULL,
    command      TINYINT UNSIGNED NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    node         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    edition      SMALLINT UNSIGNED NOT NULL,
    vehicle_state TINYINT UNSIGNED NULL,
    charging_state TINYINT UNSIGNED NULL,
    speed_kmh    DECIMAL(5, 1) NULL,
    soc          TINYINT UNSIGNED NULL,
    odometer_km  DECIMAL(10, 1) NULL,
    voltage_v    DECIMAL(5, 1) NULL,
    current_a    DECIMAL(5, 1) NULL,
    longitude    DECIMAL(9, 6) NULL,
    latitude     DECIMAL(8, 6) NULL,
    alarm_level  TINYINT UNSIGNED NULL,
    updated_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (vin)
) ENGINE = InnoDB;

-- One row per frame whose alarm block has a level > 0, a general flag set or fault codes.
CREATE TABLE alarm_event (
    vin          VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    collected_at DATETIME     NOT NULL,
    command      TINYINT UNSIGNED NOT NULL,
    received_at  DATETIME(3)  NOT NULL,
    node         VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    edition      SMALLINT UNSIGNED NOT NULL,
    max_level    TINYINT UNSIGNED NULL COMMENT 'NULL when abnormal/invalid on the wire',
    flag_bits    INT UNSIGNED NOT NULL,
    flags        VARCHAR(1024) CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'names of the set flags, comma-separated',
    fault_codes  TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'JSON: {"storage":[..],"motor":[..],"engine":[..],"other":[..]}',
    flag_levels  TEXT CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT '2025 only, JSON: [{"bit":..,"flag":..,"level":..}]',
    PRIMARY KEY (vin, collected_at, command),
    KEY idx_alarm_collected (collected_at)
) ENGINE = InnoDB;

-- ---------------------------------------------------------------------------------------------
-- Connection life (written by kafka-consumers from gb32960.vehicle-events)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE vehicle_online_log (
    vin        VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    event_at   DATETIME(6)  NOT NULL COMMENT 'when the node saw it, UTC',
    event      VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'LOGIN | LOGOUT | ONLINE | OFFLINE',
    reason     VARCHAR(24)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'why offline',
    node       VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    remote     VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (vin, event_at, event),
    KEY idx_online_log_at (event_at)
) ENGINE = InnoDB;

CREATE TABLE vehicle_online_state (
    vin           VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    online        TINYINT(1)   NOT NULL,
    node          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'the node of the last applied event',
    remote        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    since         DATETIME(6)  NOT NULL COMMENT 'online since / offline since',
    reason        VARCHAR(24)  CHARACTER SET ascii COLLATE ascii_bin NULL COMMENT 'why offline',
    last_event    VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    last_event_at DATETIME(6)  NOT NULL,
    last_seen     DATETIME(6)  NOT NULL COMMENT 'newest event of any node',
    PRIMARY KEY (vin),
    KEY idx_online_state_node (online, node)
) ENGINE = InnoDB;

-- ---------------------------------------------------------------------------------------------
-- Downstream commands (0x80 query, 0x81 set, 0x82 control)
-- ---------------------------------------------------------------------------------------------

CREATE TABLE command_log (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    request_id    VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    vin           VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    command       TINYINT UNSIGNED NOT NULL COMMENT '0x80 query, 0x81 set, 0x82 control',
    request       TEXT         NOT NULL COMMENT 'the command as JSON',
    requested_by  VARCHAR(64)  NULL,
    requested_at  DATETIME(3)  NOT NULL,
    node          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    status        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'QUEUED | SENT | SUCCEEDED | FAILED | TIMEOUT | EXPIRED',
    response_flag TINYINT UNSIGNED NULL,
    response      TEXT         NULL COMMENT 'the answer as JSON',
    responded_at  DATETIME(3)  NULL,
    error         VARCHAR(512) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_command_request (request_id),
    KEY idx_command_vin (vin, requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
