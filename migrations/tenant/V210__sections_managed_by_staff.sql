-- Sections are managed in the staff area (tenant admins): archived sections keep their items and
-- addresses but leave the menu, the public lists and the pickers; a section touched in the staff area
-- is no longer renamed, moved or reordered when the manifest is applied again (the manifest creates).
ALTER TABLE sections
    ADD COLUMN archived_at     timestamptz,
    ADD COLUMN staff_edited_at timestamptz;
