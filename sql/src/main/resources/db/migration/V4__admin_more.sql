-- Admin backend, second part: indexes that keep the vehicle list fast with 100,000 vehicles.
--
-- The vehicles page filters by vehicle model and firmware version (equality, ordered by VIN: an
-- InnoDB secondary index holds the primary key, so these give the rows in VIN order) and fills its
-- filter lists with SELECT DISTINCT ... ORDER BY ... LIMIT (a loose index scan instead of reading
-- every vehicle on every page load).
ALTER TABLE vehicle
    ADD KEY idx_vehicle_model (vehicle_model),
    ADD KEY idx_vehicle_firmware (firmware_version);
