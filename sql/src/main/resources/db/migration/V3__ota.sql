-- OTA service (issue 7): firmware of suppliers, gray-release campaigns, per-vehicle rollout state.
-- Same conventions as V1: DATETIME columns hold UTC, identifiers are ASCII with a binary collation.

-- A firmware image a supplier uploaded for one of its terminal models. The file itself lives in the
-- firmware storage (a local directory by default) under storage_key; never under the client's name.
CREATE TABLE firmware (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    supplier_id      BIGINT       NOT NULL,
    terminal_model   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'terminal_model.code',
    hardware_version VARCHAR(32)  NOT NULL COMMENT 'the hardware version it fits',
    version          VARCHAR(32)  NOT NULL COMMENT 'the firmware version terminals report (parameter 0x08)',
    release_notes    TEXT         NULL,
    file_name        VARCHAR(255) NULL COMMENT 'as uploaded, for display only',
    size_bytes       BIGINT       NOT NULL,
    md5              CHAR(32)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    sha256           CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    storage_key      VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    status           VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'PENDING_REVIEW | APPROVED | REJECTED',
    review_comment   VARCHAR(1000) NULL,
    reviewed_by      VARCHAR(96)  NULL,
    reviewed_at      DATETIME(3)  NULL,
    uploaded_by      VARCHAR(96)  NOT NULL,
    uploaded_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_firmware_sha256 (sha256),
    UNIQUE KEY uk_firmware_model_version (terminal_model, version),
    KEY idx_firmware_supplier (supplier_id, uploaded_at),
    CONSTRAINT fk_firmware_supplier FOREIGN KEY (supplier_id) REFERENCES supplier (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A gray-release campaign: one firmware to a target frozen when it starts, in staged groups.
CREATE TABLE ota_campaign (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    name               VARCHAR(128) NOT NULL,
    firmware_id        BIGINT       NOT NULL,
    status             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL
                       COMMENT 'DRAFT | SCHEDULED | RUNNING | WAITING | PAUSED | FINISHED | CANCELED',
    target             MEDIUMTEXT   NOT NULL COMMENT 'the campaign as created, JSON: target (VIN list or filter) and groups',
    max_retries        INT UNSIGNED NOT NULL,
    scheduled_at       DATETIME(3)  NULL,
    started_at         DATETIME(3)  NULL,
    finished_at        DATETIME(3)  NULL,
    pause_reason       VARCHAR(512) NULL,
    created_by         VARCHAR(96)  NOT NULL,
    created_at         DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_campaign_status (status),
    CONSTRAINT fk_campaign_firmware FOREIGN KEY (firmware_id) REFERENCES firmware (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The staged groups of a campaign, in order. Thresholds are whole percents.
CREATE TABLE ota_campaign_group (
    campaign_id        BIGINT       NOT NULL,
    group_no           INT UNSIGNED NOT NULL COMMENT '1, 2, ...',
    size               INT UNSIGNED NOT NULL COMMENT 'vehicles in the group (fixed when the campaign starts)',
    target_percent     INT UNSIGNED NULL COMMENT 'cumulative share of the target (percentage groups)',
    success_threshold  INT UNSIGNED NOT NULL COMMENT 'percent of the group succeeded to finish it',
    success_action     VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'NEXT_GROUP | WAIT',
    error_threshold    INT UNSIGNED NOT NULL COMMENT 'percent failed of the finished vehicles that pauses the campaign',
    error_min_sample   INT UNSIGNED NOT NULL COMMENT 'finished vehicles needed before the error threshold applies',
    error_baseline_failed   INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'failures acknowledged by a resume',
    error_baseline_finished INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'finished vehicles at that resume',
    status             VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL COMMENT 'SCHEDULED | RUNNING | FINISHED',
    started_at         DATETIME(3)  NULL,
    finished_at        DATETIME(3)  NULL,
    PRIMARY KEY (campaign_id, group_no),
    CONSTRAINT fk_group_campaign FOREIGN KEY (campaign_id) REFERENCES ota_campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Every vehicle of a started campaign: PENDING -> NOTIFIED -> DOWNLOADING -> DOWNLOADED -> SUCCEEDED,
-- or FAILED / CANCELED.
CREATE TABLE ota_rollout (
    campaign_id      BIGINT       NOT NULL,
    vin              VARCHAR(17)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    group_no         INT UNSIGNED NOT NULL,
    state            VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attempts         INT UNSIGNED NOT NULL DEFAULT 0 COMMENT 'deliveries tried (push or check)',
    from_version     VARCHAR(32)  NULL,
    reported_version VARCHAR(32)  NULL,
    failure_reason   VARCHAR(512) NULL,
    next_action_at   DATETIME(3)  NULL COMMENT 'when the service looks at it next (retry, verification, deadline)',
    deadline_at      DATETIME(3)  NULL COMMENT 'download or verification deadline of the current step',
    notified_at      DATETIME(3)  NULL,
    download_started_at DATETIME(3) NULL,
    downloaded_at    DATETIME(3)  NULL,
    finished_at      DATETIME(3)  NULL,
    updated_at       DATETIME(3)  NOT NULL,
    PRIMARY KEY (campaign_id, vin),
    KEY idx_rollout_vin (vin, state),
    KEY idx_rollout_group_state (campaign_id, group_no, state),
    KEY idx_rollout_due (state, next_action_at)
) ENGINE = InnoDB;

-- A campaign's timeline: started, group started/finished, paused (why), resumed, canceled, finished.
CREATE TABLE ota_campaign_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    campaign_id BIGINT       NOT NULL,
    at          DATETIME(3)  NOT NULL,
    actor       VARCHAR(96)  NOT NULL,
    event       VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    detail      VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY idx_campaign_event (campaign_id, at),
    CONSTRAINT fk_event_campaign FOREIGN KEY (campaign_id) REFERENCES ota_campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Keys of the OTA service (the download-URL signing key when none is configured): generated once.
CREATE TABLE ota_secret (
    name        VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    value       VARBINARY(256) NOT NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (name)
) ENGINE = InnoDB;
