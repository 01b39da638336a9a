-- Admin backend (issue 6): audit log, API tokens, terminal secrets and configuration, alarm
-- acknowledgements, batch commands. Same conventions as V1: DATETIME columns hold UTC,
-- identifiers are ASCII with a binary collation, secrets are stored hashed or encrypted.

-- Every change made through the admin backend and every command sent: who, what, when.
CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    at          DATETIME(3)  NOT NULL,
    actor       VARCHAR(96)  NOT NULL COMMENT 'user name, token:NAME, terminal:VIN or system',
    action      VARCHAR(48)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'e.g. VEHICLE_CREATE, COMMAND_SEND',
    target_type VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    target      VARCHAR(128) NULL,
    detail      TEXT         NULL COMMENT 'what changed, JSON; never a secret',
    remote_addr VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    PRIMARY KEY (id),
    KEY idx_audit_at (at),
    KEY idx_audit_target (target_type, target, at),
    KEY idx_audit_actor (actor, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Tokens of REST API clients: only the SHA-256 of the token is stored (tokens are 256-bit random).
CREATE TABLE api_token (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    name         VARCHAR(64)  NOT NULL,
    token_hash   CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'SHA-256 hex',
    token_prefix VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'first characters, to recognise it',
    role_code    VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'ADMIN | OPERATOR | VIEWER',
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    expires_at   DATETIME(3)  NULL,
    last_used_at DATETIME(3)  NULL,
    revoked_at   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_api_token_hash (token_hash),
    UNIQUE KEY uk_api_token_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An ICCID belongs to one vehicle (NULL = unknown, any number of them).
ALTER TABLE vehicle ADD UNIQUE KEY uk_vehicle_iccid (iccid);

-- Keys of the admin backend itself (the master key that encrypts terminal secrets and configured
-- platform passwords, when none is configured): generated once.
CREATE TABLE admin_secret (
    name        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value       VARBINARY(256) NOT NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (name)
) ENGINE = InnoDB;

-- The secret a terminal signs its configuration requests with (HMAC) and from which the key of its
-- encrypted configuration is derived; stored encrypted under the master key (AES-GCM).
CREATE TABLE terminal_secret (
    vin         VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    secret_enc  VARBINARY(128) NOT NULL,
    created_by  VARCHAR(96)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (vin),
    CONSTRAINT fk_terminal_secret_vehicle FOREIGN KEY (vin) REFERENCES vehicle (vin) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Terminal configuration per terminal model (scope MODEL, key = terminal_model.code) and per-vehicle
-- overrides (scope VEHICLE, key = VIN). NULL = inherit (vehicle -> model -> service defaults).
CREATE TABLE terminal_config (
    scope                 VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'MODEL | VEHICLE',
    scope_key             VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    report_interval_s     SMALLINT UNSIGNED NULL,
    heartbeat_interval_s  SMALLINT UNSIGNED NULL,
    baud_rate             INT UNSIGNED NULL,
    dispatch_host         VARCHAR(253) CHARACTER SET ascii COLLATE ascii_bin NULL,
    dispatch_port         INT UNSIGNED NULL,
    platform_account      VARCHAR(12)  NULL,
    platform_password_enc VARBINARY(128) NULL COMMENT 'AES-GCM under the master key',
    updated_by            VARCHAR(96)  NOT NULL,
    updated_at            DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (scope, scope_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Acknowledgements of alarm_event rows (same key).
CREATE TABLE alarm_ack (
    vin             VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    collected_at    DATETIME     NOT NULL,
    command         TINYINT UNSIGNED NOT NULL,
    acknowledged_by VARCHAR(96)  NOT NULL,
    acknowledged_at DATETIME(3)  NOT NULL,
    comment         VARCHAR(1000) NULL,
    PRIMARY KEY (vin, collected_at, command)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A command sent to a filtered set of vehicles, rate-limited, with per-vehicle results.
CREATE TABLE command_batch (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    command       TEXT         NOT NULL COMMENT 'the command as JSON',
    vehicle_filter TEXT        NOT NULL COMMENT 'the vehicle filter as JSON',
    status        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'RUNNING | DONE | CANCELLED',
    total         INT UNSIGNED NOT NULL,
    rate_per_s    INT UNSIGNED NOT NULL,
    created_by    VARCHAR(96)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_command_batch_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE command_batch_item (
    batch_id      BIGINT       NOT NULL,
    vin           VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status        VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'PENDING, SENT or a command result status',
    request_id    VARCHAR(36)  CHARACTER SET ascii COLLATE ascii_bin NULL,
    detail        VARCHAR(512) NULL,
    finished_at   DATETIME(3)  NULL,
    PRIMARY KEY (batch_id, vin),
    KEY idx_batch_item_status (batch_id, status),
    CONSTRAINT fk_batch_item_batch FOREIGN KEY (batch_id) REFERENCES command_batch (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The dashboard's frames per minute counts the rows received in the last minute.
ALTER TABLE telemetry ADD KEY idx_telemetry_received (received_at);
