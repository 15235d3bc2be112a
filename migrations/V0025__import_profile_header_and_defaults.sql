-- Import profiles keep two more of a vendor's manners: the row its header is on, when a title
-- stands above it (`--header-row 3`), and whole-file defaults for any field (`--set
-- category=维修工单,unit=芙蓉区财政局`), kept as the option takes them, `field=value` pairs
-- separated by commas; the vendor, project and year keep their own columns.
ALTER TABLE import_profile ADD COLUMN header_row INTEGER CHECK (header_row IS NULL OR header_row BETWEEN 1 AND 1048576);
ALTER TABLE import_profile ADD COLUMN defaults TEXT;
