-- Admin backend, third part: the dashboard's alarm figures from one index; batch items by command.
--
-- The dashboard counts today's alarms, today's level-3 alarms (collected_at >= midnight AND
-- max_level >= 3) and lists the newest open level-3 alarms (ORDER BY collected_at DESC LIMIT 20).
-- With the level beside the time in the index, the counts read only index entries and the list walks
-- the index backwards, checking the level there, instead of reading every alarm row of the day. The
-- new index starts with collected_at, so it serves everything idx_alarm_collected served.
--
-- The vehicle list needs no new index: its pages are keyset ranges on the primary key (VIN) or
-- index-only scans of the filter's index (V4), see docs/admin-backend.md.
ALTER TABLE alarm_event
    ADD KEY idx_alarm_collected_level (collected_at, max_level),
    DROP KEY idx_alarm_collected;

-- A queued command's late result (at the vehicle's next login) also updates its batch item, found by
-- the command log id the item holds.
ALTER TABLE command_batch_item
    ADD KEY idx_batch_item_request (request_id);
